namespace GroupBuy.Conversations.Commission;

/// <summary>
/// The leaders of a month ordered by sales, the first flagged as 月度销量冠军 and the best at
/// after-sales as 月度服务之星.
/// </summary>
/// <param name="End">The first instant of the next month (not part of this one).</param>
public sealed record MonthlyRanking(string Month, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<RankingEntry> Leaders)
{
    /// <summary>
    /// Orders leaders by sales, highest first. Equal sales share a rank and the next rank skips
    /// (1, 1, 3), so a tie at the top makes every tied leader champion: the month's sales are the
    /// only measure, and picking one by name or id would be arbitrary. Leaders who sold nothing are
    /// left out, whatever their service: the star is chosen among the leaders listed, so that the
    /// month's star is always on the ranking.
    /// </summary>
    public static IReadOnlyList<RankingEntry> Rank(IEnumerable<(Leader Leader, PeriodCommission Month, ServiceFigures Service)> leaders)
    {
        ArgumentNullException.ThrowIfNull(leaders);
        var ordered = leaders
            .Select(l => (l.Leader, Month: l.Month.Rounded(), l.Service))
            .Where(l => l.Month.Sales > 0)
            .OrderByDescending(l => l.Month.Sales)
            .ThenBy(l => l.Leader.LeaderName, StringComparer.Ordinal)
            .ThenBy(l => l.Leader.Channel, StringComparer.Ordinal)
            .ThenBy(l => l.Leader.LeaderId, StringComparer.Ordinal)
            .ToList();
        var stars = ServiceStar.Among(ordered, l => l.Service).Select(l => l.Leader).ToHashSet();
        var entries = new List<RankingEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (leader, month, service) = ordered[i];
            var rank = i > 0 && ordered[i - 1].Month.Sales == month.Sales ? entries[i - 1].Rank : i + 1;
            entries.Add(new RankingEntry(
                rank,
                leader.Channel,
                leader.LeaderId,
                leader.LeaderName,
                month.Sales,
                month.Commission,
                TierProgress.For(month.Sales).Bonus,
                SalesChampion: rank == 1,
                service.RatingCount,
                service.AverageRating,
                service.AverageFirstAnswerMinutes,
                ServiceStar: stars.Contains(leader)));
        }

        return entries;
    }
}
