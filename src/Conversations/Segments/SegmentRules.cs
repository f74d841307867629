namespace GroupBuy.Conversations.Segments;

/// <summary>
/// rules.md "Residents": Core = at least 5 purchases and spend in the top 20% of residents; Active =
/// 2–4 purchases, or 5 and more without top-20% spend; Dormant = 0–1 purchases.
/// </summary>
/// <remarks>
/// "Top 20%" is counted among residents with at least one purchase in the window: residents who
/// bought nothing would otherwise lower the bar for everyone in a tenant with many silent members.
/// A resident is in it when fewer than a fifth of those residents spent strictly more
/// (<c>5 × greater &lt; n</c>, exact integer arithmetic, no percentile interpolation). Residents
/// tied on spend are therefore all in or all out, and a tie at the boundary is in: with ten
/// buyers the two highest are in, and a third who spent the same as the second is in too.
/// </remarks>
public static class SegmentRules
{
    public const int WindowDays = 30;
    public const int CoreMinPurchases = 5;
    public const int ActiveMinPurchases = 2;

    public static IReadOnlyList<SegmentAssignment> Classify(IReadOnlyCollection<ResidentActivity> residents)
    {
        ArgumentNullException.ThrowIfNull(residents);
        var spends = residents.Where(r => r.Purchases > 0).Select(r => r.Spend).OrderByDescending(s => s).ToArray();
        return [.. residents.Select(r => new SegmentAssignment(r.ResidentId, SegmentOf(r, spends), r.Purchases, r.Spend))];
    }

    /// <summary>Whether <paramref name="spend"/> is in the top fifth of <paramref name="spendsDescending"/> (buyers only).</summary>
    public static bool IsTopFifth(decimal spend, IReadOnlyList<decimal> spendsDescending)
    {
        ArgumentNullException.ThrowIfNull(spendsDescending);
        var greater = 0;
        while (greater < spendsDescending.Count && spendsDescending[greater] > spend)
        {
            greater++;
        }

        return spendsDescending.Count > 0 && greater * 5 < spendsDescending.Count;
    }

    private static Segment SegmentOf(ResidentActivity resident, IReadOnlyList<decimal> spendsDescending) => resident.Purchases switch
    {
        >= CoreMinPurchases when IsTopFifth(resident.Spend, spendsDescending) => Segment.Core,
        >= ActiveMinPurchases => Segment.Active,
        _ => Segment.Dormant,
    };
}
