namespace GroupBuy.Conversations.Inbox;

public enum InboundMessageKind
{
    Text = 0,
    Image = 1,

    /// <summary>Something that happened to a chat (a WeCom customer group changed), not something said.</summary>
    Event = 2,
}
