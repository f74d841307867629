namespace GroupBuy.Conversations.Ordering;

public enum OrderStatus
{
    /// <summary>Has lines and can still change until cut-off.</summary>
    Open = 0,

    /// <summary>The resident cancelled everything.</summary>
    Cancelled = 1,

    /// <summary>The resident collected the goods (核销); the order no longer changes.</summary>
    PickedUp = 2,
}
