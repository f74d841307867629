using GroupBuy.BotHost.Tests.Segments;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Coupons;

/// <summary>
/// Coupons and 退订 through the signed gateway on PostgreSQL: what residents and the leader read.
/// These run on the host's own clock: the gateway refuses messages signed far from it and the
/// outbox waits on it, so a frozen clock would stop the conversation. No assertion depends on what
/// time it is; coupon times are set relative to the host's clock.
/// </summary>
public sealed class CouponsInChatOnPostgres : IAsyncLifetime
{
    private static readonly object Apple = new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = (int?)null };

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_coupon_is_shown_in_the_next_acknowledgement_applied_at_its_threshold_and_counted_in_the_summary()
    {
        await chat.PublishAsync(Apple);
        var sun = await ResidentAsync("u-sun", "孙阿姨");
        await IssueAsync(sun, CouponTerms.WinBack);

        await chat.SayAsync("u-sun", "孙阿姨", "苹果+1");
        var held = await chat.WaitForAsync(d => d.Text.Contains("孙阿姨：1号红富士苹果×1", StringComparison.Ordinal));
        await chat.SayAsync("u-sun", "孙阿姨", "苹果+2");
        var used = await chat.WaitForAsync(d => d.Text.Contains("孙阿姨：1号红富士苹果×3", StringComparison.Ordinal));
        await chat.SayAsync("u-wang", "王阿姨", "苹果+3");
        await chat.WaitForAsync(d => d.Text.Contains("王阿姨：1号红富士苹果×3", StringComparison.Ordinal));
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "汇总");
        var summary = await chat.WaitForAsync(d => d.Text.Contains("本群订单汇总", StringComparison.Ordinal));

        Assert.Contains("孙阿姨：1号红富士苹果×1，共12.8元（您有一张满30减8券，满30元自动抵扣）", held.Text, StringComparison.Ordinal);
        Assert.Contains("孙阿姨：1号红富士苹果×3，共38.4元，已用券：满30减8，实付¥30.4", used.Text, StringComparison.Ordinal);
        Assert.Contains("共2单，合计¥76.8\n用券1张，共优惠¥8，实收¥68.8", summary.Text, StringComparison.Ordinal);
        Assert.Contains("孙阿姨：1号红富士苹果×3，¥38.4（用券后¥30.4）", summary.Text, StringComparison.Ordinal);
        Assert.Contains("王阿姨：1号红富士苹果×3，¥38.4\n", summary.Text + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shortage_that_takes_an_order_below_its_coupon_refunds_what_the_resident_now_pays_less()
    {
        await chat.PublishAsync(Apple);
        var sun = await ResidentAsync("u-sun", "孙阿姨");
        await IssueAsync(sun, CouponTerms.WinBack);
        await chat.SayAsync("u-sun", "孙阿姨", "苹果+3");
        var before = await chat.OrderOfAsync("u-sun");
        Assert.Equal(8m, before.GetProperty("discount").GetDecimal());
        Assert.Equal(30.4m, before.GetProperty("payable").GetDecimal());

        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "截单");
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "缺货 1 1");

        // 38.4 − 8 = 30.4 paid; two apples are 25.6, below 满30, so the coupon goes back: 4.8 is refunded, not 12.8.
        var notice = await chat.WaitForAsync(d => d.Text.StartsWith("孙阿姨，非常抱歉", StringComparison.Ordinal));
        Assert.Contains("少的1份会退款¥4.8给您", notice.Text, StringComparison.Ordinal);
        var after = await chat.OrderOfAsync("u-sun");
        Assert.Equal(0m, after.GetProperty("discount").GetDecimal());
        Assert.Equal(25.6m, after.GetProperty("payable").GetDecimal());
        await using var scope = chat.Host.Services.CreateAsyncScope();
        var coupon = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<Coupon>().AsNoTracking().SingleAsync(c => c.ResidentId == sun.Id);
        Assert.Null(coupon.UsedAt);
    }

    [Fact]
    public async Task Unsubscribing_stops_marketing_and_resubscribing_starts_it_again()
    {
        await chat.SayAsync("u-sun", "孙阿姨", "退订");
        var unsubscribed = await chat.WaitForAsync(d => d.Text.Contains("已为您退订", StringComparison.Ordinal));
        var sun = await ResidentAsync("u-sun", "孙阿姨");
        await new SegmentSeed(chat.Host.Services).OrderAsync(sun, Clock.GetUtcNow().AddDays(-10), 45m);
        var day = chat.Host.Services.GetRequiredService<BusinessTimeZone>().DayOf(Clock.GetUtcNow());
        await using (var scope = chat.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Segmentation>().ComputeAsync(day, CancellationToken.None);
        }

        var whileUnsubscribed = await TreatAsync(day);
        await chat.SayAsync("u-sun", "孙阿姨", "恢复订阅");
        var resubscribed = await chat.WaitForAsync(d => d.Text.Contains("已为您恢复订阅", StringComparison.Ordinal));
        var afterwards = await TreatAsync(day);

        Assert.Equal("u-sun", unsubscribed.Body.GetProperty("toUserId").GetString());
        Assert.Equal("u-sun", resubscribed.Body.GetProperty("toUserId").GetString());
        Assert.Equal((1, 0), (whileUnsubscribed.OptedOut, whileUnsubscribed.Queued));
        Assert.Equal((0, 1), (afterwards.OptedOut, afterwards.Queued));
    }

    private TimeProvider Clock => chat.Host.Services.GetRequiredService<TimeProvider>();

    private async Task<Resident> ResidentAsync(string userId, string name)
    {
        await using var scope = chat.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Channel == "gateway" && r.UserId == userId);
        if (resident is null)
        {
            resident = new Resident("gateway", userId, name, Clock.GetUtcNow());
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
        }

        return resident;
    }

    private async Task IssueAsync(Resident resident, CouponTerms terms)
    {
        await using var scope = chat.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = Clock.GetUtcNow();
        db.Add(new Coupon(resident.Id, CouponPurpose.WinBack, terms, now, now.AddDays(7)));
        await db.SaveChangesAsync();
    }

    private async Task<TreatmentResult> TreatAsync(DateOnly day)
    {
        await using var scope = chat.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SegmentTreatments>().RunAsync(day, CancellationToken.None);
    }
}
