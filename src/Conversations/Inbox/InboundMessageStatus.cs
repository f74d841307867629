namespace GroupBuy.Conversations.Inbox;

public enum InboundMessageStatus
{
    /// <summary>Stored and answered; waiting to be processed (or retried).</summary>
    Pending = 0,

    /// <summary>Handled; its effects and replies were saved with this status.</summary>
    Processed = 1,

    /// <summary>Processing kept failing; set aside so later messages of the chat can go on.</summary>
    Failed = 2,
}
