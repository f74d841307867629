namespace GroupBuy.Conversations.Ordering.Acknowledgements;

public enum AckBatchStatus
{
    /// <summary>Collecting orders until it is due.</summary>
    Open = 0,

    /// <summary>Its message is in the outbox.</summary>
    Sent = 1,
}
