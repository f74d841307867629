using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Segments;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// 居民 through the real host on PostgreSQL with a fake clock: residents by the segments the daily
/// computation wrote (as <c>GET /api/residents</c> lists them), searched by name with phone numbers
/// and rooms masked, and the coupons the treatments issued, used by an order or expired.
/// The business day is 1 December 2026: its window runs from 1 November to 1 December.
/// </summary>
/// <remarks>Each test has a database of its own: segments and coupons are counted across all residents.</remarks>
public sealed class ResidentPagesTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = SegmentSeed.Beijing;
    private static readonly DateOnly Day = new(2026, 12, 1);

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, Beijing));
    private BotHostFactory host = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Beijing);

    /// <summary>
    /// 王阿姨 buys five times (core), 李叔 twice (active), 孙阿姨 once (dormant, has bought); two
    /// residents never bought (dormant). The day's segments are computed and treated as the daily jobs do.
    /// </summary>
    private async Task<Dictionary<string, Resident>> SeedAsync()
    {
        var seed = new SegmentSeed(host.Services);
        var residents = new Dictionary<string, Resident>();
        foreach (var (id, name) in new[] { ("u-wang", "王阿姨"), ("u-li", "李叔"), ("u-sun", "孙阿姨"), ("u-zhao", "赵姐13812345678"), ("u-tag", "<b>x</b>8栋201") })
        {
            residents[id] = await seed.ResidentAsync(id, name);
        }

        for (var i = 0; i < 5; i++)
        {
            await seed.OrderAsync(residents["u-wang"], At(11, 3 + (i * 5), 10), 60m);
        }

        await seed.OrderAsync(residents["u-wang"], At(11, 29, 10), 70m, OrderStatus.Cancelled);
        await seed.OrderAsync(residents["u-li"], At(11, 10, 19), 20m);
        await seed.OrderAsync(residents["u-li"], At(11, 20, 19), 25m);
        await seed.OrderAsync(residents["u-sun"], At(11, 15, 9), 30m);

        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Segmentation>().ComputeAsync(Day, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SegmentTreatments>().RunAsync(Day, CancellationToken.None);
        return residents;
    }

    /// <summary>李叔 orders 4 × 12.80 = 51.20 in a new campaign: his 满50减5 is taken, as the order handler takes it.</summary>
    private async Task<long> LiUsesACouponAsync(Resident li)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        var groupId = await db.Groups.Select(g => g.Id).FirstAsync();
        var campaign = new Campaign("周四鲜果", now.AddDays(1), now.AddDays(2), "3栋大堂", now);
        campaign.AddItem("红富士苹果", [], 12.8m, 15m, "生鲜", stock: null);
        campaign.OfferIn(groupId);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await services.GetRequiredService<OrderBook>().ApplyAsync(campaign, groupId, li.Id, OrderEdit.Add, [new OrderQuantity(1, 4)], now, CancellationToken.None);
        await services.GetRequiredService<CouponRedemption>().SettleAsync(outcome.Order, now, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Assert.Equal(5m, outcome.Order.Discount);
        return campaign.Id;
    }

    [Fact]
    public async Task Residents_are_listed_by_segment_with_their_orders_searched_by_name_and_masked()
    {
        var residents = await SeedAsync();
        var session = await ConsoleSession.SignInAsync(host, "lina", OpsRole.Viewer);
        var admin = host.CreateAdminClient();

        var all = await session.GetPageAsync("/console/residents");
        Assert.Equal("核心用户 1 近30天买了 5 次以上，且消费在前 20% 活跃用户 1 近30天买了 2–4 次，或 5 次以上但消费不在前 20% 沉睡用户 3 近30天买了 0–1 次", ConsoleHtml.Element(all, "segment-counts", "section"));
        Assert.Equal("分群每天凌晨按前 30 天的购买自动计算，最近一次是 12月1日。", ConsoleHtml.Element(all, "segments-day", "p"));

        // The API's order (biggest spenders first), shown with the order history.
        var api = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/residents", UriKind.Relative));
        var rows = ConsoleHtml.Rows(all, "residents");
        Assert.Equal(api.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()), Ids(all));
        Assert.Equal(
            [
                "王阿姨 | 微信（桥接） | 核心用户 | 5 次 | 300 元 | 11月23日(周一) 10:00 | 5 | 优惠券",
                "李叔 | 微信（桥接） | 活跃用户 | 2 次 | 45 元 | 11月20日(周五) 19:00 | 2 | 优惠券",
                "孙阿姨 | 微信（桥接） | 沉睡用户 | 1 次 | 30 元 | 11月15日(周日) 09:00 | 1 | 优惠券",
                "赵姐138****5678 | 微信（桥接） | 沉睡用户 | 0 次 | 0 元 | — | 0 | 优惠券",
                "<b>x</b>**栋*** | 微信（桥接） | 沉睡用户 | 0 次 | 0 元 | — | 0 | 优惠券",
            ],
            rows);
        Assert.DoesNotContain("13812345678", all, StringComparison.Ordinal);
        Assert.DoesNotContain("8栋201", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", all, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", all, StringComparison.Ordinal);

        var dormant = await session.GetPageAsync("/console/residents?segment=dormant");
        Assert.Equal(["孙阿姨", "赵姐138****5678", "<b>x</b>**栋***"], ConsoleHtml.Rows(dormant, "residents").Select(r => r.Split(" | ")[0]));
        Assert.Equal(["王阿姨"], ConsoleHtml.Rows(await session.GetPageAsync("/console/residents?segment=core"), "residents").Select(r => r.Split(" | ")[0]));

        // Searched by the name as people typed it, shown masked.
        Assert.Equal(["赵姐138****5678"], ConsoleHtml.Rows(await session.GetPageAsync("/console/residents?q=赵"), "residents").Select(r => r.Split(" | ")[0]));
        Assert.Equal(["<b>x</b>**栋***"], ConsoleHtml.Rows(await session.GetPageAsync("/console/residents?segment=dormant&q=8栋"), "residents").Select(r => r.Split(" | ")[0]));
        Assert.Empty(ConsoleHtml.Rows(await session.GetPageAsync("/console/residents?segment=core&q=李叔"), "residents"));
        Assert.Contains("没有找到符合的居民。", ConsoleHtml.Text(await session.GetPageAsync("/console/residents?q=钱叔")), StringComparison.Ordinal);
        Assert.Contains($"/console/residents/coupons?resident={residents["u-li"].Id}", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coupons_issued_are_listed_by_status_used_ones_with_their_campaign()
    {
        var residents = await SeedAsync();
        var campaignId = await LiUsesACouponAsync(residents["u-li"]);
        var session = await ConsoleSession.SignInAsync(host, "zhou");

        // Issued at 03:00 on 1 December for 7 days: usable until 7 December.
        var all = await session.GetPageAsync("/console/residents/coupons");
        Assert.Equal("筛选： 全部（4） 可用（3） 已使用（1） 已过期（0）", ConsoleHtml.Element(all, "coupon-filter"));
        // Newest first: the treatments went through the residents in turn, 王阿姨 first.
        Assert.Equal(
            [
                "孙阿姨 | 满30减8 | 沉睡用户回归券 | 12月1日(周二) 03:00 | 12月7日 | 可用",
                "李叔 | 满100减12 | 活跃用户推荐券 | 12月1日(周二) 03:00 | 12月7日 | 可用",
                "李叔 | 满50减5 | 活跃用户推荐券 | 12月1日(周二) 03:00 | 12月7日 | 已使用 12月1日(周二) 03:00 · 周四鲜果",
                "王阿姨 | 9.5折 | 核心用户专享价 | 12月1日(周二) 03:00 | 12月7日 | 可用",
            ],
            ConsoleHtml.Rows(all, "coupons"));
        Assert.Contains($"href=\"/console/campaigns/{campaignId}\"", all, StringComparison.Ordinal);

        Assert.Equal(["李叔 | 满50减5"], ConsoleHtml.Rows(await session.GetPageAsync("/console/residents/coupons?status=used"), "coupons").Select(r => string.Join(" | ", r.Split(" | ").Take(2))));
        var li = await session.GetPageAsync($"/console/residents/coupons?resident={residents["u-li"].Id}");
        Assert.Equal(2, ConsoleHtml.Rows(li, "coupons").Count);
        Assert.Contains("只看 李叔 的券。", ConsoleHtml.Text(li), StringComparison.Ordinal);

        // A week later the unused ones have expired; the used one stays used. (The sign-in of a week ago has lapsed.)
        clock.Advance(TimeSpan.FromDays(7));
        session = await ConsoleSession.SignInAsync(host, "zhou-next-week");
        var later = await session.GetPageAsync("/console/residents/coupons");
        Assert.Equal("筛选： 全部（4） 可用（0） 已使用（1） 已过期（3）", ConsoleHtml.Element(later, "coupon-filter"));
        Assert.Equal(3, ConsoleHtml.Rows(await session.GetPageAsync("/console/residents/coupons?status=expired"), "coupons").Count(r => r.EndsWith("已过期", StringComparison.Ordinal)));
        Assert.Contains("没有这个状态的券。", ConsoleHtml.Text(await session.GetPageAsync("/console/residents/coupons?status=usable")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_first_computation_the_pages_say_there_is_nothing_yet()
    {
        var session = await ConsoleSession.SignInAsync(host, "wu");

        Assert.Contains("还没有分群结果。", ConsoleHtml.Text(await session.GetPageAsync("/console/residents")), StringComparison.Ordinal);
        Assert.Contains("还没有发过优惠券。", ConsoleHtml.Text(await session.GetPageAsync("/console/residents/coupons")), StringComparison.Ordinal);
    }

    private static IEnumerable<long> Ids(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "/console/residents/coupons\\?resident=([0-9]+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
}
