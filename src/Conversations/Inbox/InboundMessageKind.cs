namespace GroupBuy.Conversations.Inbox;

public enum InboundMessageKind
{
    Text = 0,
    Image = 1,
}
