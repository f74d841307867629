using System.Globalization;
using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Commission;

/// <summary>
/// The answer to a leader's "佣金": this week's and this month's figures so far and the way to the
/// next tier bonus. Money is text, as a leader reads it ("1,234.50"; bonuses "1,200").
/// </summary>
public sealed record LeaderCommissionMessage(
    string LeaderName,
    string Week,
    string WeekSales,
    string WeekCommission,
    string Month,
    string MonthSales,
    string MonthCommission,
    bool HasTierBonus,
    string TierBonus,
    bool HasNextTier,
    string NextTierBonus,
    string SalesToNextTier) : IMessageModel
{
    public static string TemplateName => "leader-commission";

    public static LeaderCommissionMessage From(LeaderCommission commission)
    {
        ArgumentNullException.ThrowIfNull(commission);
        var tier = commission.Tier;
        return new LeaderCommissionMessage(
            commission.Leader.LeaderName,
            $"{Day(commission.Week.FirstDay)}–{Day(commission.Week.LastDay)}",
            Money(commission.WeekSales),
            Money(commission.WeekCommission),
            string.Create(CultureInfo.InvariantCulture, $"{commission.Month.FirstDay.Month}月"),
            Money(commission.MonthSales),
            Money(commission.MonthCommission),
            tier.Bonus > 0,
            Bonus(tier.Bonus),
            tier.NextTierBonus is not null,
            tier.NextTierBonus is { } next ? Bonus(next) : string.Empty,
            tier.SalesToNextTier is { } more ? Money(more) : string.Empty);
    }

    private static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    private static string Money(decimal yuan) => Fen.Round(yuan).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Bonus(decimal yuan) => yuan.ToString("#,0.##", CultureInfo.InvariantCulture);
}
