namespace GroupBuy.Conversations.Chats;

/// <summary>At most <see cref="Messages"/> messages to one target within any <see cref="Window"/>.</summary>
public sealed record SendRateLimit(int Messages, TimeSpan Window);
