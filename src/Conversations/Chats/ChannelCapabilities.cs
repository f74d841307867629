namespace GroupBuy.Conversations.Chats;

/// <summary>
/// What a channel can really do. Handlers and templates adapt to it: on a channel that only hears
/// @-mentions, examples say "@机器人 苹果+1"; where there is no private chat, private answers go to
/// the group with an @-mention instead.
/// </summary>
public sealed record ChannelCapabilities(
    Hearing Hearing,
    Posting Posting,
    bool HasPrivateChat,
    SendRateLimit? RateLimit,
    int MaxMentionsPerMessage)
{
    public bool MentionRequired => Hearing == Hearing.MentionsOnly;
}
