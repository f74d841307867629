namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// What applying a reply did: the order as it now stands, what it changed, and what could not be
/// had (sold out, or no such item).
/// </summary>
public sealed record OrderOutcome(
    Order Order,
    IReadOnlyList<OrderQuantity> Changed,
    IReadOnlyList<SoldOut> SoldOut,
    IReadOnlyList<int> UnknownItems)
{
    public bool ChangedAnything => Changed.Count > 0;
}

/// <summary>An item the resident wanted more of than was left.</summary>
public sealed record SoldOut(int ItemNo, string Name, int Wanted, int Left);
