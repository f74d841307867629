using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Commission;

/// <summary>
/// Leaders' commission, computed from the order book as it stands: picked-up order lines less
/// after-sales refunds, at the category rates, in business-time weeks and months. Nothing is stored,
/// so a late refund or a rate change shows in the next statement asked for.
/// </summary>
/// <remarks>
/// A group's sales go to whoever leads it now: when a group is handed over, its past sales move
/// with it, because groups keep no history of their leaders.
/// </remarks>
public sealed class CommissionReports
{
    private const string UnknownCategory = "其他";

    private readonly GroupBuyDbContext db;
    private readonly CommissionRates rates;
    private readonly BusinessTimeZone zone;

    public CommissionReports(GroupBuyDbContext db, CommissionRates rates, BusinessTimeZone zone)
    {
        this.db = db;
        this.rates = rates;
        this.zone = zone;
    }

    /// <summary>The channels on which <paramref name="leaderId"/> leads at least one group, for telling apart leaders who share an id.</summary>
    public async Task<IReadOnlyList<string>> ChannelsOfLeaderAsync(string leaderId, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .Where(g => g.LeaderId == leaderId)
            .Select(g => g.Channel)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// For the leader's "佣金" command: the week and the month <paramref name="now"/> falls in, as far
    /// as they have gone. Null when nobody with that id leads a group on that channel.
    /// </summary>
    public async Task<LeaderCommission?> ForLeaderAsync(string channel, string leaderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var groups = await GroupsOfAsync(channel, leaderId, cancellationToken);
        if (groups.Count == 0)
        {
            return null;
        }

        var week = SettlementPeriod.WeekOf(now, zone);
        var month = SettlementPeriod.MonthOf(now, zone);
        var sales = await SalesAsync(groups, Earlier(week.Start, month.Start), Later(week.End, month.End), cancellationToken);
        var weekFigures = PeriodCommission.Of(sales, week, rates).Rounded();
        var monthFigures = PeriodCommission.Of(sales, month, rates).Rounded();
        return new LeaderCommission(
            LeaderOf(groups), week, weekFigures.Sales, weekFigures.Commission, month, monthFigures.Sales, monthFigures.Commission, TierProgress.For(monthFigures.Sales));
    }

    /// <summary>
    /// The weekly settlement statement of a leader. Its month-to-date is the month the week ends in,
    /// counted until the end of the week. Null when nobody with that id leads a group on that channel.
    /// </summary>
    public async Task<LeaderStatement?> WeeklyStatementAsync(string channel, string leaderId, SettlementPeriod week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(week);
        var groups = await GroupsOfAsync(channel, leaderId, cancellationToken);
        if (groups.Count == 0)
        {
            return null;
        }

        var month = SettlementPeriod.MonthOf(week.End.AddTicks(-1), zone).Until(week.End);
        var sales = await SalesAsync(groups, Earlier(week.Start, month.Start), week.End, cancellationToken);
        var weekFigures = PeriodCommission.Of(sales, week, rates).Rounded();
        var monthFigures = PeriodCommission.Of(sales, month, rates).Rounded();
        var leader = LeaderOf(groups);
        return new LeaderStatement(
            leader.Channel,
            leader.LeaderId,
            leader.LeaderName,
            week.Name,
            week.Start,
            week.End,
            weekFigures.Categories,
            [.. weekFigures.Groups.Select(g => Subtotal(g, groups.First(x => x.Id == g.GroupId)))],
            weekFigures.Sales,
            weekFigures.Commission,
            new MonthToDate(month.Name, month.Start, month.End, monthFigures.Sales, monthFigures.Commission, TierProgress.For(monthFigures.Sales)));
    }

    /// <summary>
    /// The same statement over a calendar month, for the console's monthly view: categories and
    /// groups for the whole month, whose month-to-date is then the month itself, so its figures are
    /// the ones the month's ranking shows for the leader. Null as for a week.
    /// </summary>
    public Task<LeaderStatement?> MonthlyStatementAsync(string channel, string leaderId, SettlementPeriod month, CancellationToken cancellationToken) =>
        WeeklyStatementAsync(channel, leaderId, month, cancellationToken);

    /// <summary>
    /// Every leader who sold something in the month, by sales (月度销量冠军 first), with the
    /// after-sales service of their groups (月度服务之星 flagged). A leader who sold nothing is not
    /// listed, however they served.
    /// </summary>
    public async Task<MonthlyRanking> RankingAsync(SettlementPeriod month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(month);

        // One month of picked-up orders and tickets for every leader is read at once: this is an
        // ops report, asked for a few times a month, and sums per category need the lines anyway.
        var groups = await db.Groups.AsNoTracking().ToListAsync(cancellationToken);
        var sales = await SalesAsync(null, month.Start, month.End, cancellationToken);
        var ratings = await RatingsAsync(month, cancellationToken);
        var firstAnswers = await FirstAnswersAsync(month, cancellationToken);
        var leaders = groups
            .GroupBy(g => (g.Channel, g.LeaderId))
            .Select(byLeader =>
            {
                var ids = byLeader.Select(g => g.Id).ToHashSet();
                return (
                    LeaderOf([.. byLeader]),
                    PeriodCommission.Of(sales.Where(s => ids.Contains(s.GroupId)), month, rates),
                    ServiceFigures.Of(ids.SelectMany(id => ratings[id]), ids.SelectMany(id => firstAnswers[id])));
            });
        return new MonthlyRanking(month.Name, month.Start, month.End, MonthlyRanking.Rank(leaders));
    }

    private async Task<List<Group>> GroupsOfAsync(string channel, string leaderId, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking().Where(g => g.Channel == channel && g.LeaderId == leaderId).ToListAsync(cancellationToken);

    /// <summary>Sales picked up in [start, end) in the given groups (every group when null).</summary>
    private async Task<List<Sale>> SalesAsync(IReadOnlyCollection<Group>? groups, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var (from, until) = Utc(start, end);
        var query = db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.Status == OrderStatus.PickedUp && o.PickedUpAt >= from && o.PickedUpAt < until);
        if (groups is not null)
        {
            var groupIds = groups.Select(g => g.Id).ToList();
            query = query.Where(o => groupIds.Contains(o.GroupId));
        }

        var orders = await query.ToListAsync(cancellationToken);
        var orderIds = orders.Select(o => o.Id).ToList();
        var refunds = (await db.Set<Refund>().AsNoTracking()
            .Where(r => r.Reason == RefundReason.AfterSales && orderIds.Contains(r.OrderId))
            .ToListAsync(cancellationToken)).ToLookup(r => r.OrderId);
        var campaignIds = orders.Select(o => o.CampaignId).Distinct().ToList();
        var categories = await db.CampaignItems.AsNoTracking()
            .Where(i => campaignIds.Contains(i.CampaignId))
            .Select(i => new { i.CampaignId, i.ItemNo, i.Category })
            .ToDictionaryAsync(i => (i.CampaignId, i.ItemNo), i => i.Category, cancellationToken);
        return [.. orders.SelectMany(o => Sale.FromOrder(o, refunds[o.Id], itemNo => categories.GetValueOrDefault((o.CampaignId, itemNo), UnknownCategory)))];
    }

    /// <summary>By group: the ratings given in the month.</summary>
    private async Task<ILookup<long, int>> RatingsAsync(SettlementPeriod month, CancellationToken cancellationToken)
    {
        var (from, until) = Utc(month.Start, month.End);
        var ratings = await db.Tickets.AsNoTracking()
            .Where(t => t.Rating != null && t.RatedAt >= from && t.RatedAt < until)
            .Select(t => new { t.GroupId, Rating = t.Rating!.Value })
            .ToListAsync(cancellationToken);
        return ratings.ToLookup(r => r.GroupId, r => r.Rating);
    }

    /// <summary>By group: how long the first answer took on the tickets taken in during the month that have one.</summary>
    private async Task<ILookup<long, TimeSpan>> FirstAnswersAsync(SettlementPeriod month, CancellationToken cancellationToken)
    {
        var (from, until) = Utc(month.Start, month.End);
        var answered = await db.Tickets.AsNoTracking()
            .Where(t => t.AnsweredAt != null && t.CreatedAt >= from && t.CreatedAt < until)
            .Select(t => new { t.GroupId, t.CreatedAt, AnsweredAt = t.AnsweredAt!.Value })
            .ToListAsync(cancellationToken);
        return answered.ToLookup(a => a.GroupId, a => a.AnsweredAt - a.CreatedAt);
    }

    /// <summary>Npgsql writes only offset-zero instants to timestamptz parameters.</summary>
    private static (DateTimeOffset From, DateTimeOffset Until) Utc(DateTimeOffset start, DateTimeOffset end) => (start.ToUniversalTime(), end.ToUniversalTime());

    /// <summary>The leader as their most recently registered group names them.</summary>
    private static Leader LeaderOf(IReadOnlyCollection<Group> groups)
    {
        var latest = groups.MaxBy(g => g.Id)!;
        return new Leader(latest.Channel, latest.LeaderId, latest.LeaderName);
    }

    private static GroupSubtotal Subtotal(GroupCommission figures, Group group) =>
        new(group.Id, group.Channel, group.ChatId, group.Name, group.Community, figures.Sales, figures.Commission);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
