namespace GroupBuy.Conversations.Commission;

/// <summary>
/// Where a leader's month stands on the monthly tier bonus: sales of 5,000 yuan earn 500, sales of
/// 10,000 earn 1,200 instead (the higher tier replaces the lower, it does not add).
/// </summary>
/// <param name="Bonus">The bonus the month's sales have reached so far (0 below the first tier).</param>
/// <param name="NextTierSales">Sales the next tier needs; null at the top tier.</param>
/// <param name="NextTierBonus">What the next tier pays (replacing <paramref name="Bonus"/>); null at the top tier.</param>
/// <param name="SalesToNextTier">How much more to sell to reach it; null at the top tier.</param>
public sealed record TierProgress(decimal Bonus, decimal? NextTierSales, decimal? NextTierBonus, decimal? SalesToNextTier)
{
    private static readonly (decimal Sales, decimal Bonus)[] Tiers = [(5_000m, 500m), (10_000m, 1_200m)];

    public static TierProgress For(decimal monthSales)
    {
        var reached = Tiers.LastOrDefault(t => monthSales >= t.Sales);
        var next = Tiers.FirstOrDefault(t => monthSales < t.Sales);
        return next.Sales == 0
            ? new TierProgress(reached.Bonus, null, null, null)
            : new TierProgress(reached.Bonus, next.Sales, next.Bonus, next.Sales - monthSales);
    }
}
