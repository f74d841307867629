using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Leaders;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// 团长佣金与排行 through the real host on PostgreSQL: the monthly ranking and a leader's statement
/// show what <c>GET /api/leaders/ranking</c> and <c>/statements</c> answer for orders placed,
/// cut off and collected in a chat; the month defaults to the business month of the host's clock.
/// </summary>
public sealed class LeaderPagesTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public LeaderPagesTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static string Money(decimal yuan) => "¥" + yuan.ToString("#,0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_ranking_and_statements_show_the_apis_figures_for_orders_collected_in_a_chat()
    {
        await using var chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
        await chat.PublishAsync(
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜" },
            new { name = "抽纸", aliases = Array.Empty<string>(), price = 13.25m, referencePrice = 15.8m, category = "日用品" },
            new { name = "五常大米", aliases = new[] { "大米" }, price = 59.9m, referencePrice = 69.9m, category = "食品" });
        await chat.SayAsync("u-wang", "王阿姨", "苹果+3 抽纸+3");
        await chat.SayAsync("u-zhao", "赵姐", "大米+1");
        await chat.SayAsync("u-sun", "孙阿姨", "苹果+5");
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "截单");
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "到货");
        var wang = (await chat.OrderOfAsync("u-wang")).GetProperty("pickupCode").GetString();
        var zhao = (await chat.OrderOfAsync("u-zhao")).GetProperty("pickupCode").GetString();
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", $"核销 {wang} {zhao}");
        var pickedUpAt = (await chat.OrderOfAsync("u-wang")).GetProperty("pickedUpAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal("open", (await chat.OrderOfAsync("u-sun")).GetProperty("status").GetString());
        var month = pickedUpAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(pickedUpAt.DateTime)}-W{ISOWeek.GetWeekOfYear(pickedUpAt.DateTime):D2}");
        var session = await ConsoleSession.SignInAsync(chat.Host, "lina");

        // The ranking: row for row what the API ranks.
        var ranking = await chat.Admin.GetFromJsonAsync<JsonElement>(Url($"/api/leaders/ranking?month={month}"));
        var expected = ranking.GetProperty("leaders").EnumerateArray().Select(l => string.Join(" | ",
            l.GetProperty("rank").GetInt32(),
            $"{l.GetProperty("leaderName").GetString()} （{l.GetProperty("leaderId").GetString()}）",
            "微信（桥接）",
            Money(l.GetProperty("sales").GetDecimal()),
            Money(l.GetProperty("commission").GetDecimal()),
            l.GetProperty("tierBonus").GetDecimal() > 0 ? "¥" + l.GetProperty("tierBonus").GetDecimal().ToString("#,0.##", CultureInfo.InvariantCulture) : "—",
            l.GetProperty("averageRating").ValueKind == JsonValueKind.Null ? "暂无" : "?",
            l.GetProperty("averageFirstAnswerMinutes").ValueKind == JsonValueKind.Null ? "—" : "?",
            string.Join(" ", new[] { l.GetProperty("salesChampion").GetBoolean() ? "月度销量冠军" : null, l.GetProperty("serviceStar").GetBoolean() ? "月度服务之星" : null }.OfType<string>()),
            "结算单")).ToList();
        var page = await session.GetPageAsync($"/console/groups/leaders?month={month}");
        Assert.Equal(expected, ConsoleHtml.Rows(page, "ranking"));

        // By hand: 3 × 12.80 + 3 × 13.25 + 59.90 = 138.05 picked up; 3.84 + 2.385 + 3.594 = 9.819 → 9.82. 孙阿姨 has not collected.
        Assert.Equal(["1 | 李姐 （u-leader） | 微信（桥接） | ¥138.05 | ¥9.82 | — | 暂无 | — | 月度销量冠军 | 结算单"], ConsoleHtml.Rows(page, "ranking"));
        Assert.Contains($"/console/groups/leaders/statement?channel=gateway&leader=u-leader&month={month}", page, StringComparison.Ordinal);

        // The week's statement: the API's lines, category by category and group by group.
        var statement = await chat.Admin.GetFromJsonAsync<JsonElement>(Url($"/api/leaders/{ChatScenario.LeaderId}/statements?week={week}"));
        var weekPage = await session.GetPageAsync($"/console/groups/leaders/statement?channel=gateway&leader=u-leader&week={week}");
        Assert.Equal(
            statement.GetProperty("categories").EnumerateArray().Select(c =>
                $"{c.GetProperty("category").GetString()} | {Money(c.GetProperty("sales").GetDecimal())} | {c.GetProperty("rate").GetDecimal() * 100:0.##}% | {Money(c.GetProperty("commission").GetDecimal())}"),
            ConsoleHtml.Rows(weekPage, "statement-categories"));
        Assert.Equal(["食品 | ¥59.90 | 6% | ¥3.59", "日用品 | ¥39.75 | 6% | ¥2.39", "生鲜 | ¥38.40 | 10% | ¥3.84"], ConsoleHtml.Rows(weekPage, "statement-categories"));
        Assert.Equal(
            statement.GetProperty("groups").EnumerateArray().Select(g =>
                $"{g.GetProperty("name").GetString()} | {g.GetProperty("community").GetString()} | {Money(g.GetProperty("sales").GetDecimal())} | {Money(g.GetProperty("commission").GetDecimal())}"),
            ConsoleHtml.Rows(weekPage, "statement-groups"));
        Assert.Equal(Money(statement.GetProperty("totalSales").GetDecimal()), ConsoleHtml.Element(weekPage, "total-sales"));
        Assert.Equal(Money(statement.GetProperty("totalCommission").GetDecimal()), ConsoleHtml.Element(weekPage, "total-commission"));
        var monthToDate = statement.GetProperty("monthToDate");
        Assert.StartsWith(
            $"销售额 {Money(monthToDate.GetProperty("sales").GetDecimal())}，佣金 {Money(monthToDate.GetProperty("commission").GetDecimal())}。",
            ConsoleHtml.Element(weekPage, "month-to-date", "p"),
            StringComparison.Ordinal);
        Assert.Equal($"再卖 {Money(monthToDate.GetProperty("tier").GetProperty("salesToNextTier").GetDecimal())} 可拿 ¥500", ConsoleHtml.Element(weekPage, "next-tier"));

        // The month's statement adds up to the ranking's figures.
        var leader = ranking.GetProperty("leaders")[0];
        var monthPage = await session.GetPageAsync($"/console/groups/leaders/statement?channel=gateway&leader=u-leader&month={month}");
        Assert.Equal(Money(leader.GetProperty("sales").GetDecimal()), ConsoleHtml.Element(monthPage, "total-sales"));
        Assert.Equal(Money(leader.GetProperty("commission").GetDecimal()), ConsoleHtml.Element(monthPage, "total-commission"));
        Assert.Equal(ConsoleHtml.Rows(weekPage, "statement-categories"), ConsoleHtml.Rows(monthPage, "statement-categories"));
        Assert.Contains($"week={week}", monthPage, StringComparison.Ordinal);

        // 下载 CSV: the week's file is the API's own.
        var csv = await session.Client.GetAsync(Url($"/console/groups/leaders/statement/csv?channel=gateway&leader=u-leader&week={week}"));
        var fromApi = await chat.Admin.GetAsync(Url($"/api/leaders/{ChatScenario.LeaderId}/statements?week={week}&format=csv"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"statement-u-leader-{week}.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(await fromApi.Content.ReadAsByteArrayAsync(), bytes);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("结算期,团长,渠道,团长ID,类别,名称,社区,销售额,佣金比例,佣金", lines[0]);
        Assert.Contains($"{week},李姐,gateway,u-leader,品类,生鲜,,38.40,10%,3.84", lines);
        Assert.Contains($"{week},李姐,gateway,u-leader,合计,,,138.05,,9.82", lines);
        var badFormat = await chat.Admin.GetAsync(Url($"/api/leaders/{ChatScenario.LeaderId}/statements?week={week}&format=xml"));
        Assert.Equal(["must be json or csv (or leave it out for JSON)."], (await badFormat.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("format"));
        var monthCsv = await session.Client.GetAsync(Url($"/console/groups/leaders/statement/csv?channel=gateway&leader=u-leader&month={month}"));
        Assert.Equal($"statement-u-leader-{month}.csv", monthCsv.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task The_month_is_the_business_month_of_the_hosts_clock_unless_another_is_picked()
    {
        // 16:30 UTC on 30 November is 00:30 on 1 December in Beijing: December on the business clock.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var seed = new CommissionSeed(host.Services);
        var group = await seed.GroupAsync("room-clock", "阳光花园3栋团购群", "u-clock", "周姐");
        await seed.GroupAsync("wr-clock", "阳光花园企业微信群", "u-clock", "周姐", channel: "wecom");
        var campaign = await seed.CampaignAsync("十一月鲜果", ("红富士苹果", 12.8m, "生鲜"));
        await seed.PickedUpAsync(group, campaign, "王阿姨", new DateTimeOffset(2026, 11, 30, 23, 0, 0, CommissionSeed.Beijing), (1, 10));
        var session = await ConsoleSession.SignInAsync(host, "zhou");

        var now = await session.GetPageAsync("/console/groups/leaders");
        Assert.Equal("2026-12", ConsoleHtml.InputValue(now, "Month"));
        Assert.Equal("2026年12月排行（本月，截至现在）", ConsoleHtml.Element(now, "ranking-title", "h2"));
        Assert.Contains("这个月还没有团长有已核销的销售。", ConsoleHtml.Text(now), StringComparison.Ordinal);

        var november = await session.GetPageAsync("/console/groups/leaders?month=2026-11");
        Assert.Equal(["1 | 周姐 （u-clock） | 微信（桥接） | ¥128.00 | ¥12.80 | — | 暂无 | — | 月度销量冠军 | 结算单"], ConsoleHtml.Rows(november, "ranking"));

        var wrong = await session.GetPageAsync("/console/groups/leaders?month=2026-13");
        Assert.Equal("“2026-13”不是月份，请按 2026-11 这样选；下面是本月的排行。", ConsoleHtml.FieldError(wrong, "Month"));
        Assert.Equal("2026-12", ConsoleHtml.InputValue(wrong, "Month"));

        // The statement also opens on December, where nothing was collected yet.
        var statement = await session.GetPageAsync("/console/groups/leaders/statement?channel=gateway&leader=u-clock");
        Assert.Equal("2026年12月", ConsoleHtml.Element(statement, "statement-period", "h2"));
        Assert.Equal("¥0.00", ConsoleHtml.Element(statement, "total-sales"));
        Assert.Contains("这段时间还没有已核销的销售，佣金为 0。", ConsoleHtml.Text(statement), StringComparison.Ordinal);
        Assert.Equal("¥128.00", ConsoleHtml.Element(await session.GetPageAsync("/console/groups/leaders/statement?channel=gateway&leader=u-clock&month=2026-11"), "total-sales"));

        // The same id leads on two channels: which one is asked, as the API asks for channel.
        var ambiguous = await session.GetPageAsync("/console/groups/leaders/statement?leader=u-clock&month=2026-11");
        Assert.Equal(["微信（桥接）", "企业微信"], ConsoleHtml.Text(ConsoleHtml.Element(ambiguous, "channel-choices", "ul")).Split(' '));

        var unknown = await session.Client.GetAsync(Url("/console/groups/leaders/statement?channel=gateway&leader=%3Cb%3Enobody%3C%2Fb%3E"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("没有哪个群登记的团长 ID 是“<b>nobody</b>”", ConsoleHtml.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>nobody</b>", html, StringComparison.Ordinal);
    }
}
