namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader's sales and commission over one period, by category and by group. Figures are exact
/// until <see cref="Rounded"/>: commission is rounded once per figure shown, never line by line,
/// so fractions of a fen do not pile up over a month of small lines.
/// </summary>
public sealed record PeriodCommission(
    decimal Sales,
    decimal Commission,
    IReadOnlyList<CategoryCommission> Categories,
    IReadOnlyList<GroupCommission> Groups)
{
    public static PeriodCommission Of(IEnumerable<Sale> sales, SettlementPeriod period, CommissionRates rates)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rates);
        var counted = sales.Where(s => period.Contains(s.PickedUpAt)).ToList();
        List<CategoryCommission> categories = [.. counted
            .GroupBy(s => s.Category, StringComparer.Ordinal)
            .Select(g =>
            {
                var amount = g.Sum(s => s.Amount);
                var rate = rates.RateFor(g.Key);
                return new CategoryCommission(g.Key, amount, rate, amount * rate);
            })
            .OrderByDescending(c => c.Sales)
            .ThenBy(c => c.Category, StringComparer.Ordinal)];
        List<GroupCommission> groups = [.. counted
            .GroupBy(s => s.GroupId)
            .Select(g => new GroupCommission(g.Key, g.Sum(s => s.Amount), g.Sum(s => s.Amount * rates.RateFor(s.Category))))
            .OrderBy(g => g.GroupId)];
        return new PeriodCommission(categories.Sum(c => c.Sales), categories.Sum(c => c.Commission), categories, groups);
    }

    /// <summary>
    /// The figures as a statement shows them, each rounded to the fen from its exact value; the
    /// total is the exact total rounded, so the rounded parts may differ from it by a fen.
    /// </summary>
    public PeriodCommission Rounded() => new(
        Fen.Round(Sales),
        Fen.Round(Commission),
        [.. Categories.Select(c => c with { Sales = Fen.Round(c.Sales), Commission = Fen.Round(c.Commission) })],
        [.. Groups.Select(g => g with { Sales = Fen.Round(g.Sales), Commission = Fen.Round(g.Commission) })]);
}
