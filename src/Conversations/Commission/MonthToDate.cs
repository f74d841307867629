namespace GroupBuy.Conversations.Commission;

/// <summary>The month's sales so far (from <paramref name="From"/> until, not including, <paramref name="Until"/>), its commission and the tier bonus they reach.</summary>
public sealed record MonthToDate(string Month, DateTimeOffset From, DateTimeOffset Until, decimal Sales, decimal Commission, TierProgress Tier);
