using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Time;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class MonthlyRankingTests
{
    private static readonly BusinessTimeZone Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
    private static readonly SettlementPeriod November = SettlementPeriod.Month(2026, 11, Shanghai);
    private static readonly DateTimeOffset Midmonth = new(2026, 11, 15, 12, 0, 0, TimeSpan.FromHours(8));

    private static (Leader, PeriodCommission, ServiceFigures) Sold(string name, decimal sales, string category = "生鲜", ServiceFigures? service = null) =>
        (new Leader("gateway", "u-" + name, name), PeriodCommission.Of([new Sale(1, category, sales, Midmonth)], November, CommissionRates.Defaults), service ?? ServiceFigures.None);

    [Fact]
    public void Leaders_are_ranked_by_sales_with_the_first_as_sales_champion()
    {
        var ranking = MonthlyRanking.Rank([Sold("王姐", 4_999.99m), Sold("李姐", 12_000m), Sold("赵哥", 5_000m, "日用品")]);

        Assert.Equal(
            [
                new RankingEntry(1, "gateway", "u-李姐", "李姐", 12_000m, 1_200m, 1_200m, SalesChampion: true, 0, null, null, ServiceStar: false),
                new RankingEntry(2, "gateway", "u-赵哥", "赵哥", 5_000m, 300m, 500m, SalesChampion: false, 0, null, null, ServiceStar: false),
                new RankingEntry(3, "gateway", "u-王姐", "王姐", 4_999.99m, 500.00m, 0m, SalesChampion: false, 0, null, null, ServiceStar: false),
            ],
            ranking);
    }

    [Fact]
    public void Leaders_tied_at_the_top_share_rank_one_and_are_all_champions_and_the_next_rank_skips()
    {
        var ranking = MonthlyRanking.Rank([Sold("王姐", 800m), Sold("李姐", 1_000m), Sold("赵哥", 1_000m, "日用品"), Sold("钱叔", 800m)]);

        Assert.Equal([1, 1, 3, 3], ranking.Select(r => r.Rank));
        Assert.Equal([true, true, false, false], ranking.Select(r => r.SalesChampion));
        Assert.Equal(["李姐", "赵哥", "王姐", "钱叔"], ranking.Select(r => r.LeaderName));
    }

    [Fact]
    public void Leaders_who_sold_nothing_are_left_out()
    {
        var ranking = MonthlyRanking.Rank([Sold("王姐", 10m), (new Leader("wecom", "zhangsan", "张姐"), PeriodCommission.Of([], November, CommissionRates.Defaults), ServiceFigures.None)]);

        Assert.Equal(["王姐"], ranking.Select(r => r.LeaderName));
    }

    [Fact]
    public void Service_figures_are_shown_for_every_leader_and_the_star_is_chosen_among_those_listed()
    {
        var best = new ServiceFigures(3, 5m, 30m);
        var ranking = MonthlyRanking.Rank(
        [
            Sold("王姐", 800m, service: new ServiceFigures(4, 4.75m, 12.5m)),
            Sold("李姐", 1_000m, service: new ServiceFigures(2, 5m, 3m)),
            (new Leader("wecom", "zhangsan", "张姐"), PeriodCommission.Of([], November, CommissionRates.Defaults), best),
            Sold("赵哥", 900m),
        ]);

        Assert.Equal(
            [("李姐", 2, 5m, 3m, false), ("赵哥", 0, null, null, false), ("王姐", 4, 4.75m, 12.5m, true)],
            ranking.Select(r => (r.LeaderName, r.RatingCount, r.AverageRating, r.AverageFirstAnswerMinutes, r.ServiceStar)));
    }
}
