namespace GroupBuy.Conversations.Outbox;

public enum OutboundMessageStatus
{
    /// <summary>Waiting to be sent (or to be retried).</summary>
    Pending = 0,

    /// <summary>The channel accepted it.</summary>
    Sent = 1,

    /// <summary>Retries are used up; visible to ops, never sent again by itself.</summary>
    Failed = 2,
}
