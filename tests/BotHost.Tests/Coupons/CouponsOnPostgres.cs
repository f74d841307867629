using GroupBuy.BotHost.Tests.Segments;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Coupons;

/// <summary>
/// A coupon applied to orders as replies change them (<see cref="OrderBook"/> then
/// <see cref="CouponRedemption"/> in one transaction, as the order handler does), on PostgreSQL.
/// Each campaign offers one item at 12.80, so 3 units (38.40) reach 满30减8 and 2 (25.60) do not.
/// </summary>
public sealed class CouponsOnPostgres : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, SegmentSeed.Beijing));
    private BotHostFactory host = null!;
    private SegmentSeed seed = null!;
    private Resident wang = null!;
    private long groupId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        seed = new SegmentSeed(host.Services);
        groupId = (await seed.GroupAsync()).Id;
        wang = await seed.ResidentAsync("u-wang", "王阿姨");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_coupon_is_used_by_the_first_order_that_reaches_it_and_by_no_other()
    {
        var coupon = await IssueAsync(CouponTerms.WinBack, TimeSpan.FromDays(7));
        var first = await CampaignAsync();
        var second = await CampaignAsync();

        var small = await OrderAsync(first, OrderEdit.Add, 2);
        var reached = await OrderAsync(first, OrderEdit.Add, 1);
        var other = await OrderAsync(second, OrderEdit.Add, 3);

        Assert.Null(small.CouponId);
        Assert.Equal(coupon.Id, reached.CouponId);
        Assert.Equal(38.4m, reached.Total);
        Assert.Equal(8m, reached.Discount);
        Assert.Equal(30.4m, reached.Payable);
        Assert.Null(other.CouponId);
        Assert.Equal(38.4m, other.Payable);
        var used = await CouponAsync(coupon.Id);
        Assert.Equal(reached.Id, used.UsedOnOrderId);
        Assert.Equal(clock.GetUtcNow(), used.UsedAt);
    }

    [Fact]
    public async Task An_order_that_drops_below_the_threshold_gives_the_coupon_back()
    {
        var coupon = await IssueAsync(CouponTerms.WinBack, TimeSpan.FromDays(7));
        var first = await CampaignAsync();
        var second = await CampaignAsync();
        await OrderAsync(first, OrderEdit.Add, 3);

        var shrunk = await OrderAsync(first, OrderEdit.Set, 2);
        var elsewhere = await OrderAsync(second, OrderEdit.Add, 3);

        Assert.Null(shrunk.CouponId);
        Assert.Equal(0m, shrunk.Discount);
        Assert.Equal(coupon.Id, elsewhere.CouponId);
        Assert.Equal(elsewhere.Id, (await CouponAsync(coupon.Id)).UsedOnOrderId);
    }

    [Fact]
    public async Task Of_two_orders_placed_at_once_only_one_uses_the_coupon()
    {
        var coupon = await IssueAsync(CouponTerms.WinBack, TimeSpan.FromDays(7));
        var campaigns = new[] { await CampaignAsync(), await CampaignAsync(), await CampaignAsync(), await CampaignAsync() };

        var orders = await Task.WhenAll(campaigns.Select(c => Task.Run(() => OrderAsync(c, OrderEdit.Add, 3))));

        var winner = Assert.Single(orders, o => o.CouponId is not null);
        Assert.Equal(coupon.Id, winner.CouponId);
        Assert.All(orders.Where(o => o != winner), o => Assert.Equal(0m, o.Discount));
        Assert.Equal(winner.Id, (await CouponAsync(coupon.Id)).UsedOnOrderId);
    }

    [Fact]
    public async Task An_expired_coupon_is_not_applied()
    {
        await IssueAsync(CouponTerms.WinBack, TimeSpan.FromHours(1));
        var campaign = await CampaignAsync();

        clock.Advance(TimeSpan.FromHours(1));
        var order = await OrderAsync(campaign, OrderEdit.Add, 3);

        Assert.Null(order.CouponId);
        Assert.Equal(38.4m, order.Payable);
    }

    [Fact]
    public async Task The_coupon_that_saves_most_is_taken_and_a_rate_follows_the_total()
    {
        await IssueAsync(CouponTerms.FiftyLessFive, TimeSpan.FromDays(7));
        var hundred = await IssueAsync(CouponTerms.HundredLessTwelve, TimeSpan.FromDays(7));
        var core = await IssueAsync(CouponTerms.CorePrice, TimeSpan.FromDays(7));
        var first = await CampaignAsync();
        var second = await CampaignAsync();

        var big = await OrderAsync(first, OrderEdit.Add, 8); // 102.40: 满100减12 beats 满50减5 and 5.12 off
        var small = await OrderAsync(second, OrderEdit.Add, 1); // 12.80: only 9.5折 applies, 0.64 off
        var grown = await OrderAsync(second, OrderEdit.Add, 1); // 25.60: the same coupon, 1.28 off

        Assert.Equal((hundred.Id, 12m), (big.CouponId!.Value, big.Discount));
        Assert.Equal((core.Id, 0.64m), (small.CouponId!.Value, small.Discount));
        Assert.Equal((core.Id, 1.28m, 24.32m), (grown.CouponId!.Value, grown.Discount, grown.Payable));
    }

    private async Task<Coupon> IssueAsync(CouponTerms terms, TimeSpan validFor)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        var coupon = new Coupon(wang.Id, CouponPurpose.WinBack, terms, now, now + validFor);
        db.Add(coupon);
        await db.SaveChangesAsync();
        return coupon;
    }

    private async Task<long> CampaignAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        var campaign = new Campaign("周四鲜果", now.AddDays(1), now.AddDays(2), "3栋大堂", now);
        campaign.AddItem("红富士苹果", [], 12.8m, 15m, "生鲜", stock: null);
        campaign.OfferIn(groupId);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>One reply's effect on the resident's order, committed as the order handler commits it.</summary>
    private async Task<Order> OrderAsync(long campaignId, OrderEdit edit, int quantity)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GroupBuyDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var outcome = await services.GetRequiredService<OrderBook>().ApplyAsync(await db.Campaigns.Include(c => c.Items).SingleAsync(c => c.Id == campaignId), groupId, wang.Id, edit, [new OrderQuantity(1, quantity)], now, CancellationToken.None);
        await services.GetRequiredService<CouponRedemption>().SettleAsync(outcome.Order, now, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcome.Order;
    }

    private async Task<Coupon> CouponAsync(long id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<Coupon>().AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
