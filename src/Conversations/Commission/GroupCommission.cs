namespace GroupBuy.Conversations.Commission;

/// <summary>Sales in one of a leader's groups over a period and the commission they earn (each line at its category's rate).</summary>
public sealed record GroupCommission(long GroupId, decimal Sales, decimal Commission);
