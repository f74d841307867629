namespace GroupBuy.Conversations.Commission;

/// <summary>
/// What a leader asking "佣金" is told: this week's and this month's sales and commission so far,
/// rounded to the fen, and where the month stands on the tier bonus.
/// </summary>
public sealed record LeaderCommission(
    Leader Leader,
    SettlementPeriod Week,
    decimal WeekSales,
    decimal WeekCommission,
    SettlementPeriod Month,
    decimal MonthSales,
    decimal MonthCommission,
    TierProgress Tier);
