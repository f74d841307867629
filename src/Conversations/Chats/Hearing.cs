namespace GroupBuy.Conversations.Chats;

/// <summary>Which group messages a channel delivers to the bot.</summary>
public enum Hearing
{
    /// <summary>Every message of the group (a bridge forwarding a WeChat group).</summary>
    AllMessages = 0,

    /// <summary>Only messages that @-mention the bot (WeCom's intelligent robot).</summary>
    MentionsOnly = 1,
}
