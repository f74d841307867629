namespace GroupBuy.Conversations.Commission;

/// <summary>Sales in one category over a period, its rate, and the commission they earn.</summary>
public sealed record CategoryCommission(string Category, decimal Sales, decimal Rate, decimal Commission);
