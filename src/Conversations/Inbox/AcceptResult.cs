namespace GroupBuy.Conversations.Inbox;

public enum AcceptResult
{
    /// <summary>New: stored, and will be processed even if this process stops now.</summary>
    Stored = 0,

    /// <summary>Seen before (a redelivery): nothing stored, nothing to do.</summary>
    Duplicate = 1,
}
