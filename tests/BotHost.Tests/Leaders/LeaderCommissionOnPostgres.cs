using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Leaders;

/// <summary>
/// Weekly statements, the monthly ranking and the "佣金" summary, computed on PostgreSQL from orders
/// seeded as leaders' pickups leave them, checked against figures worked out by hand.
/// </summary>
public sealed class LeaderCommissionOnPostgres : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = CommissionSeed.Beijing;

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private BotHostFactory host = null!;
    private HttpClient admin = null!;
    private CommissionSeed seed = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"));
        admin = host.CreateAdminClient();
        seed = new CommissionSeed(host.Services);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>
    /// The worked example in README.md ("Commission"): 李姐's week 2026-W48 in two groups, and her
    /// November. Change the README when this changes.
    /// </summary>
    [Fact]
    public async Task Readme_worked_example_week_48_of_2026()
    {
        await SeedReadmeExampleAsync();

        var statement = await admin.GetFromJsonAsync<JsonElement>(Url("/api/leaders/u-li/statements?week=2026-W48"));

        Assert.Equal("gateway", statement.GetProperty("channel").GetString());
        Assert.Equal("u-li", statement.GetProperty("leaderId").GetString());
        Assert.Equal("李姐", statement.GetProperty("leaderName").GetString());
        Assert.Equal("2026-W48", statement.GetProperty("week").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, Beijing), statement.GetProperty("weekStart").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, Beijing), statement.GetProperty("weekEnd").GetDateTimeOffset());
        Assert.Equal(
            [("生鲜", 81.10m, 0.10m, 8.11m), ("食品", 59.90m, 0.06m, 3.59m), ("日用品", 39.75m, 0.06m, 2.39m)],
            statement.GetProperty("categories").EnumerateArray().Select(c => (
                c.GetProperty("category").GetString(), c.GetProperty("sales").GetDecimal(), c.GetProperty("rate").GetDecimal(), c.GetProperty("commission").GetDecimal())));
        Assert.Equal(
            [("阳光花园3栋团购群", 90.95m, 7.51m), ("阳光花园5栋团购群", 89.80m, 6.58m)],
            statement.GetProperty("groups").EnumerateArray().Select(g => (
                g.GetProperty("name").GetString(), g.GetProperty("sales").GetDecimal(), g.GetProperty("commission").GetDecimal())));
        Assert.Equal(180.75m, statement.GetProperty("totalSales").GetDecimal());
        Assert.Equal(14.09m, statement.GetProperty("totalCommission").GetDecimal());

        var month = statement.GetProperty("monthToDate");
        Assert.Equal("2026-11", month.GetProperty("month").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Beijing), month.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, Beijing), month.GetProperty("until").GetDateTimeOffset());
        Assert.Equal(4_972.75m, month.GetProperty("sales").GetDecimal());
        Assert.Equal(301.61m, month.GetProperty("commission").GetDecimal());
        var tier = month.GetProperty("tier");
        Assert.Equal(0m, tier.GetProperty("bonus").GetDecimal());
        Assert.Equal(5_000m, tier.GetProperty("nextTierSales").GetDecimal());
        Assert.Equal(500m, tier.GetProperty("nextTierBonus").GetDecimal());
        Assert.Equal(27.25m, tier.GetProperty("salesToNextTier").GetDecimal());

        // Monday 00:10 is week 49 but still November: it lifts the month over 5,000.
        var ranking = await admin.GetFromJsonAsync<JsonElement>(Url("/api/leaders/ranking?month=2026-11"));
        var li = Assert.Single(ranking.GetProperty("leaders").EnumerateArray());
        Assert.Equal(1, li.GetProperty("rank").GetInt32());
        Assert.Equal(5_032.65m, li.GetProperty("sales").GetDecimal());
        Assert.Equal(305.20m, li.GetProperty("commission").GetDecimal());
        Assert.Equal(500m, li.GetProperty("tierBonus").GetDecimal());
        Assert.True(li.GetProperty("salesChampion").GetBoolean());
    }

    [Fact]
    public async Task The_leaders_commission_command_sees_this_week_and_this_month_so_far()
    {
        await SeedReadmeExampleAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<CommissionReports>();

        var summary = await reports.ForLeaderAsync("gateway", "u-li", new DateTimeOffset(2026, 11, 30, 9, 0, 0, Beijing), CancellationToken.None);

        Assert.NotNull(summary);
        Assert.Equal("2026-W49", summary.Week.Name);
        Assert.Equal((59.90m, 3.59m), (summary.WeekSales, summary.WeekCommission));
        Assert.Equal("2026-11", summary.Month.Name);
        Assert.Equal((5_032.65m, 305.20m), (summary.MonthSales, summary.MonthCommission));
        Assert.Equal(new TierProgress(500m, 10_000m, 1_200m, 4_967.35m), summary.Tier);
        var text = await scope.ServiceProvider.GetRequiredService<MessageTemplates>().RenderAsync(LeaderCommissionMessage.From(summary), CancellationToken.None);
        Assert.Contains("本周（11月30日–12月6日）已核销销售额 ¥59.90，佣金 ¥3.59。", text, StringComparison.Ordinal);
        Assert.Contains("已拿到 500 元月度奖励，再卖 ¥4,967.35 可升到 1,200 元。", text, StringComparison.Ordinal);
        Assert.Null(await reports.ForLeaderAsync("wecom", "u-li", DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task The_ranking_orders_leaders_by_sales_ties_share_the_top_and_tiers_start_at_exactly_5000_and_10000()
    {
        var zhang = await seed.GroupAsync("wrOgQhDgAA-xfl", "幸福里团购", "zhangsan", "张姐", channel: "wecom", community: "幸福里");
        var wu = await seed.GroupAsync("room-wu", "东苑团购群", "u-wu", "吴哥", community: "东苑");
        var chen = await seed.GroupAsync("room-chen", "西苑团购群", "u-chen", "陈姐", community: "西苑");
        var sun = await seed.GroupAsync("room-sun", "南苑团购群", "u-sun", "孙姐", community: "南苑");
        var zhou = await seed.GroupAsync("room-zhou", "北苑团购群", "u-zhou", "周叔", community: "北苑");
        var campaign = await seed.CampaignAsync("十一月团", ("牛排礼盒", 100.00m, "生鲜"), ("洗衣液", 50.00m, "日用品"), ("粮油套装", 25.00m, "食品"), ("车厘子", 50.00m, "生鲜"));

        await seed.PickedUpAsync(zhang, campaign, "张家1", At(2026, 11, 15, 10, 0), (1, 100));
        await seed.PickedUpAsync(wu, campaign, "吴家1", At(2026, 11, 20, 18, 0), (2, 200));
        await seed.PickedUpAsync(chen, campaign, "陈家1", At(2026, 11, 30, 23, 59), (3, 200));
        await seed.PickedUpAsync(chen, campaign, "陈家2", At(2026, 12, 1, 0, 0), (3, 160));
        var sunOrder = await seed.PickedUpAsync(sun, campaign, "孙家1", At(2026, 11, 8, 17, 0), (4, 100));
        await seed.AfterSalesRefundAsync(sunOrder, campaign, 4, 1, At(2026, 11, 9, 9, 0));
        await seed.PickedUpAsync(zhou, campaign, "周家1", At(2026, 10, 31, 23, 59), (1, 3));
        await seed.OpenAsync(zhou, campaign, "周家2", (1, 2));

        var ranking = await admin.GetFromJsonAsync<JsonElement>(Url("/api/leaders/ranking?month=2026-11"));

        Assert.Equal("2026-11", ranking.GetProperty("month").GetString());
        Assert.Equal(
            [
                (1, "gateway", "u-wu", "吴哥", 10_000m, 600m, 1_200m, true),
                (1, "wecom", "zhangsan", "张姐", 10_000m, 1_000m, 1_200m, true),
                (3, "gateway", "u-chen", "陈姐", 5_000m, 300m, 500m, false),
                (4, "gateway", "u-sun", "孙姐", 4_950m, 495m, 0m, false),
            ],
            ranking.GetProperty("leaders").EnumerateArray().Select(l => (
                l.GetProperty("rank").GetInt32(),
                l.GetProperty("channel").GetString(),
                l.GetProperty("leaderId").GetString(),
                l.GetProperty("leaderName").GetString(),
                l.GetProperty("sales").GetDecimal(),
                l.GetProperty("commission").GetDecimal(),
                l.GetProperty("tierBonus").GetDecimal(),
                l.GetProperty("salesChampion").GetBoolean())));
    }

    /// <summary>
    /// 月度服务之星 in November 2026. 李姐 (3栋 and 5栋) is rated 5 at the very start of November on
    /// a ticket taken in on 31 Oct (its answer time belongs to October), 4 and 5 later: 14 / 3 = 4.67;
    /// her November tickets were answered in 20, 40 and 90 minutes = 50.00 on average (the last
    /// rated only on 1 Dec; one more still unanswered). 王姐 also has 5, 4, 5 = 4.67 but answered in
    /// 15, 30 and 60.5 minutes = 35.17: the faster wins the tie. 赵哥's two 5-star ratings are not
    /// enough to be star. 孙姐 has no tickets.
    /// </summary>
    [Fact]
    public async Task The_ranking_shows_each_leaders_service_and_the_star_is_best_rated_with_three_ratings_faster_on_a_tie()
    {
        var li3 = await seed.GroupAsync("room-sunny-3", "阳光花园3栋团购群", "u-li", "李姐");
        var li5 = await seed.GroupAsync("room-sunny-5", "阳光花园5栋团购群", "u-li", "李姐");
        var wang = await seed.GroupAsync("wr-wang", "幸福里团购", "u-wang", "王姐", channel: "wecom", community: "幸福里");
        var zhao = await seed.GroupAsync("room-zhao", "东苑团购群", "u-zhao", "赵哥", community: "东苑");
        var sun = await seed.GroupAsync("room-sun", "南苑团购群", "u-sun", "孙姐", community: "南苑");
        var campaign = await seed.CampaignAsync("十一月团", ("牛排礼盒", 100.00m, "生鲜"), ("洗衣液", 50.00m, "日用品"));
        var october = await seed.PickedUpAsync(li5, campaign, "钱叔", At(2026, 10, 27, 18, 0), (2, 1));
        var li3Order = await seed.PickedUpAsync(li3, campaign, "李家", At(2026, 11, 10, 18, 0), (1, 2));
        var li5Order = await seed.PickedUpAsync(li5, campaign, "李家二", At(2026, 11, 11, 18, 0), (1, 1));
        var wangOrder = await seed.PickedUpAsync(wang, campaign, "王家", At(2026, 11, 12, 18, 0), (1, 2));
        var zhaoOrder = await seed.PickedUpAsync(zhao, campaign, "赵家", At(2026, 11, 13, 18, 0), (1, 1));
        await seed.PickedUpAsync(sun, campaign, "孙家", At(2026, 11, 14, 18, 0), (2, 1));

        await seed.TicketAsync(li5, campaign, october, "钱叔", At(2026, 10, 31, 23, 0), TimeSpan.FromMinutes(5), (5, At(2026, 11, 1, 0, 0)));
        await seed.TicketAsync(li3, campaign, li3Order, "李家", At(2026, 11, 10, 20, 0), TimeSpan.FromMinutes(20), (4, At(2026, 11, 12, 10, 0)));
        await seed.TicketAsync(li3, campaign, li3Order, "李家", At(2026, 11, 20, 9, 0), TimeSpan.FromMinutes(40), (5, At(2026, 11, 30, 23, 59)));
        await seed.TicketAsync(li5, campaign, li5Order, "李家二", At(2026, 11, 29, 10, 0), TimeSpan.FromMinutes(90), (1, At(2026, 12, 1, 0, 0)));
        await seed.TicketAsync(li5, campaign, li5Order, "李家二", At(2026, 11, 30, 22, 0));
        await seed.TicketAsync(wang, campaign, wangOrder, "王家", At(2026, 11, 12, 20, 0), TimeSpan.FromMinutes(15), (5, At(2026, 11, 14, 9, 0)));
        await seed.TicketAsync(wang, campaign, wangOrder, "王家", At(2026, 11, 15, 9, 0), TimeSpan.FromMinutes(30), (4, At(2026, 11, 17, 9, 0)));
        await seed.TicketAsync(wang, campaign, wangOrder, "王家", At(2026, 11, 18, 9, 0), TimeSpan.FromSeconds(3_630), (5, At(2026, 11, 20, 9, 0)));
        await seed.TicketAsync(zhao, campaign, zhaoOrder, "赵家", At(2026, 11, 14, 9, 0), TimeSpan.FromMinutes(3), (5, At(2026, 11, 16, 9, 0)));
        await seed.TicketAsync(zhao, campaign, zhaoOrder, "赵家", At(2026, 11, 16, 9, 0), TimeSpan.FromMinutes(7), (5, At(2026, 11, 18, 9, 0)));

        var ranking = await admin.GetFromJsonAsync<JsonElement>(Url("/api/leaders/ranking?month=2026-11"));

        Assert.Equal(
            [
                (1, "李姐", 300m, true, 3, 4.67m, 50m, false),
                (2, "王姐", 200m, false, 3, 4.67m, 35.17m, true),
                (3, "赵哥", 100m, false, 2, 5m, 5m, false),
                (4, "孙姐", 50m, false, 0, null, null, false),
            ],
            ranking.GetProperty("leaders").EnumerateArray().Select(l => (
                l.GetProperty("rank").GetInt32(),
                l.GetProperty("leaderName").GetString(),
                l.GetProperty("sales").GetDecimal(),
                l.GetProperty("salesChampion").GetBoolean(),
                l.GetProperty("ratingCount").GetInt32(),
                NullableDecimal(l.GetProperty("averageRating")),
                NullableDecimal(l.GetProperty("averageFirstAnswerMinutes")),
                l.GetProperty("serviceStar").GetBoolean())));
    }

    [Theory]
    [InlineData("/api/leaders/u-li/statements", "week")]
    [InlineData("/api/leaders/u-li/statements?week=2026-48", "week")]
    [InlineData("/api/leaders/u-li/statements?week=2026-W54", "week")]
    [InlineData("/api/leaders/u-li/statements?week=2026-W48&channel=qq", "channel")]
    [InlineData("/api/leaders/ranking", "month")]
    [InlineData("/api/leaders/ranking?month=2026-13", "month")]
    [InlineData("/api/leaders/ranking?month=Nov", "month")]
    public async Task A_malformed_period_or_channel_is_a_400_naming_it(string path, string field)
    {
        await seed.GroupAsync("room-li", "阳光花园3栋团购群", "u-li", "李姐");

        var problem = await (await admin.GetAsync(Url(path))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task A_leader_id_used_on_two_channels_needs_the_channel_and_is_then_that_channels_leader()
    {
        var gateway = await seed.GroupAsync("room-li", "阳光花园3栋团购群", "u-li", "李姐");
        var wecom = await seed.GroupAsync("wr-li", "幸福里团购", "u-li", "李红", channel: "wecom", community: "幸福里");
        var campaign = await seed.CampaignAsync("周三鲜果", ("红富士苹果", 12.80m, "生鲜"));
        await seed.PickedUpAsync(gateway, campaign, "王阿姨", At(2026, 11, 25, 18, 30), (1, 1));
        await seed.PickedUpAsync(wecom, campaign, "赵姐", At(2026, 11, 25, 18, 30), (1, 5));

        var ambiguous = await (await admin.GetAsync(Url("/api/leaders/u-li/statements?week=2026-W48"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var statement = await admin.GetFromJsonAsync<JsonElement>(Url("/api/leaders/u-li/statements?week=2026-W48&channel=wecom"));

        Assert.Contains("gateway and wecom", Assert.Single(ambiguous.FieldErrors("channel")), StringComparison.Ordinal);
        Assert.Equal("李红", statement.GetProperty("leaderName").GetString());
        Assert.Equal(64.00m, statement.GetProperty("totalSales").GetDecimal());
        Assert.Equal(6.40m, statement.GetProperty("totalCommission").GetDecimal());
        Assert.Equal("wr-li", Assert.Single(statement.GetProperty("groups").EnumerateArray()).GetProperty("chatId").GetString());
    }

    [Fact]
    public async Task An_unknown_leader_is_a_404_and_the_api_needs_the_admin_key()
    {
        await seed.GroupAsync("room-li", "阳光花园3栋团购群", "u-li", "李姐");

        await (await admin.GetAsync(Url("/api/leaders/u-nobody/statements?week=2026-W48"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync(Url("/api/leaders/u-li/statements?week=2026-W48&channel=wecom"))).AssertProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url("/api/leaders/ranking?month=2026-11"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url("/api/leaders/u-li/statements?week=2026-W48"))).StatusCode);
    }

    [Fact]
    public async Task A_week_without_pickups_is_a_statement_of_zeros()
    {
        await seed.GroupAsync("room-li", "阳光花园3栋团购群", "u-li", "李姐");

        var statement = await admin.GetFromJsonAsync<JsonElement>(Url("/api/leaders/u-li/statements?week=2026-W01"));

        Assert.Equal(0m, statement.GetProperty("totalSales").GetDecimal());
        Assert.Equal(0m, statement.GetProperty("totalCommission").GetDecimal());
        Assert.Empty(statement.GetProperty("categories").EnumerateArray());
        Assert.Equal(5_000m, statement.GetProperty("monthToDate").GetProperty("tier").GetProperty("salesToNextTier").GetDecimal());
    }

    /// <summary>
    /// README "Commission": 李姐 leads 阳光花园3栋 and 5栋. Week 48 (23–29 Nov 2026): 王阿姨 and 李叔
    /// (3栋) and 赵姐 (5栋) collect; 孙阿姨's order waits, 钱叔 cancelled. Earlier in November 周大哥
    /// collected 80 bags of rice; on Monday 30 Nov at 00:10 吴阿姨 collects one more.
    /// </summary>
    private async Task SeedReadmeExampleAsync()
    {
        var building3 = await seed.GroupAsync("room-sunny-3", "阳光花园3栋团购群", "u-li", "李姐");
        var building5 = await seed.GroupAsync("room-sunny-5", "阳光花园5栋团购群", "u-li", "李姐");
        var campaign = await seed.CampaignAsync(
            "周三鲜果日用", ("红富士苹果", 12.80m, "生鲜"), ("抽纸", 13.25m, "日用品"), ("五常大米", 59.90m, "食品"), ("草莓", 29.90m, "生鲜"));

        await seed.PickedUpAsync(building3, campaign, "王阿姨", At(2026, 11, 25, 18, 30), (1, 3), (2, 3));
        var li = await seed.ShortThenPickedUpAsync(building3, campaign, "李叔", At(2026, 11, 26, 19, 0), (1, 3), shortBy: 1);
        await seed.AfterSalesRefundAsync(li, campaign, 1, 1, At(2026, 11, 27, 10, 0));
        await seed.PickedUpAsync(building5, campaign, "赵姐", At(2026, 11, 29, 21, 0), (3, 1), (4, 1));
        await seed.OpenAsync(building3, campaign, "孙阿姨", (1, 5));
        await seed.CancelledAsync(building5, campaign, "钱叔", (2, 2));
        await seed.PickedUpAsync(building5, campaign, "周大哥", At(2026, 11, 10, 17, 30), (3, 80));
        await seed.PickedUpAsync(building3, campaign, "吴阿姨", At(2026, 11, 30, 0, 10), (3, 1));
    }

    private static decimal? NullableDecimal(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Beijing);

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
