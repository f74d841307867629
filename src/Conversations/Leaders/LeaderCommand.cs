namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// A command as the leader wrote it: its kind, the words after it (trimmed; empty when none), and
/// the word used ("核销" or "已取"), so answers can echo it back.
/// </summary>
public sealed record LeaderCommand(LeaderCommandKind Kind, string Word, string Argument);
