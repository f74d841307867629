namespace GroupBuy.Conversations.Chats;

/// <summary>How the bot may post into a group on a channel.</summary>
public enum Posting
{
    /// <summary>Whenever it likes, within the channel's rate limit.</summary>
    Free = 0,

    /// <summary>
    /// Only through a group message the leader confirms in WeCom (customer groups), and at most
    /// once a day per group: previews, not conversation.
    /// </summary>
    LeaderConfirmed = 1,
}
