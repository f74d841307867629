namespace GroupBuy.Conversations.Ordering;

/// <summary>A quantity of one campaign item, by its number.</summary>
public sealed record OrderQuantity(int ItemNo, int Quantity);
