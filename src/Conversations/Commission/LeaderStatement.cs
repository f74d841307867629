namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader's weekly settlement statement (结算单): what was picked up in the week, by category and
/// by group, the commission it earns rounded to the fen, and how the month the week ends in stands
/// on the tier bonus by the end of the week.
/// </summary>
/// <param name="WeekEnd">The next Monday 00:00 (not part of the week).</param>
public sealed record LeaderStatement(
    string Channel,
    string LeaderId,
    string LeaderName,
    string Week,
    DateTimeOffset WeekStart,
    DateTimeOffset WeekEnd,
    IReadOnlyList<CategoryCommission> Categories,
    IReadOnlyList<GroupSubtotal> Groups,
    decimal TotalSales,
    decimal TotalCommission,
    MonthToDate MonthToDate);
