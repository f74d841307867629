namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// What a reply means. <see cref="Reason"/> is a short English phrase: why it is Unclear (the bot
/// asks back about exactly that), or why it was taken as None (for logs).
/// </summary>
public sealed record ParsedReply(ReplyKind Kind, IReadOnlyList<ReplyLine> Lines, string? Reason = null)
{
    public static ParsedReply NotAnOrder(string reason) => new(ReplyKind.None, [], reason);

    public static ParsedReply Unclear(string reason) => new(ReplyKind.Unclear, [], reason);

    public static ParsedReply CancelAll() => new(ReplyKind.Cancel, []);
}
