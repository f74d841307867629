using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Storage;
using GroupBuy.Jobs.Segments;
using GroupBuy.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Segments;

/// <summary>
/// Segments over a hand-made 30-day history, their history and the daily treatments, on
/// PostgreSQL with a fake clock. The business day is 1 December 2026 (Beijing time): its window
/// runs from 1 November 00:00 up to 1 December 00:00.
/// </summary>
public sealed class SegmentsOnPostgres : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = SegmentSeed.Beijing;
    private static readonly DateOnly Day = new(2026, 12, 1);

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, Beijing));
    private BotHostFactory host = null!;
    private SegmentSeed seed = null!;
    private readonly Dictionary<string, Resident> residents = [];

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        seed = new SegmentSeed(host.Services);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Segments_match_a_hand_made_thirty_day_history()
    {
        await SeedHistoryAsync();

        var result = await ComputeAsync(Day);

        Assert.Equal(new SegmentationResult(Day, 7, 0), result);
        Assert.Equal(
            [
                ("u-wang", Segment.Core, 6, 300m),
                ("u-li", Segment.Active, 5, 100m),
                ("u-zhao", Segment.Active, 3, 300m),
                ("u-sun", Segment.Dormant, 1, 30m),
                ("u-qian", Segment.Dormant, 1, 12m),
                ("u-zhou", Segment.Dormant, 1, 15m),
                ("u-wu", Segment.Dormant, 0, 0m),
            ],
            await SegmentsOfAsync(Day));
    }

    [Fact]
    public async Task History_is_kept_per_day_and_a_second_run_writes_nothing()
    {
        await SeedHistoryAsync();
        await ComputeAsync(Day);

        var again = await ComputeAsync(Day);
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await ComputeAsync(Day.AddDays(1));

        Assert.Equal(new SegmentationResult(Day, 0, 7), again);
        Assert.Equal(7, nextDay.Written);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        Assert.Equal(14, await db.Set<ResidentSegment>().CountAsync());

        // 钱叔's order placed at midnight starting 1 December counts from 2 December on, and his
        // 1 November order has left the window (now 2 November to 2 December); the first day's row stays as it was.
        Assert.Contains(("u-qian", Segment.Dormant, 1, 12m), await SegmentsOfAsync(Day));
        Assert.Contains(("u-qian", Segment.Dormant, 1, 18m), await SegmentsOfAsync(Day.AddDays(1)));
        Assert.Contains(("u-zhou", Segment.Dormant, 1, 15m), await SegmentsOfAsync(Day.AddDays(1)));
    }

    [Fact]
    public async Task The_api_lists_residents_by_their_current_segment()
    {
        await SeedHistoryAsync();
        await ComputeAsync(Day);
        using var admin = host.CreateAdminClient();

        var core = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/residents?segment=core", UriKind.Relative));
        var dormant = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/residents?segment=dormant", UriKind.Relative));
        var wrong = await admin.GetAsync(new Uri("/api/residents?segment=vip", UriKind.Relative));
        var anonymous = await host.CreateAnonymousClient().GetAsync(new Uri("/api/residents?segment=core", UriKind.Relative));

        var wang = Assert.Single(core.EnumerateArray());
        Assert.Equal("u-wang", wang.GetProperty("userId").GetString());
        Assert.Equal("王阿姨", wang.GetProperty("name").GetString());
        Assert.Equal("core", wang.GetProperty("segment").GetString());
        Assert.Equal("2026-12-01", wang.GetProperty("day").GetString());
        Assert.Equal(6, wang.GetProperty("purchases").GetInt32());
        Assert.Equal(300m, wang.GetProperty("spend").GetDecimal());
        Assert.Equal(["u-sun", "u-zhou", "u-qian", "u-wu"], dormant.EnumerateArray().Select(r => r.GetProperty("userId").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("segment", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Each_segment_gets_its_treatment_at_the_end_of_quiet_hours_once()
    {
        await SeedHistoryAsync();
        await ComputeAsync(Day);

        var first = await TreatAsync(Day);
        var retried = await TreatAsync(Day);

        // 吴 never bought: nothing to win back.
        Assert.Equal(new TreatmentResult(Day, 6, 0, 0, 0, 1), first);
        Assert.Equal(new TreatmentResult(Day, 0, 0, 6, 0, 1), retried);
        var messages = await MarketingAsync();
        Assert.Equal(6, messages.Count);
        Assert.All(messages, m => Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Beijing), m.DueAt));
        Assert.All(messages, m => Assert.Null(m.ChatId)); // the bridge has private chats
        Assert.Contains("9.5折", messages.Single(m => m.ToUserId == "u-wang").Text, StringComparison.Ordinal);
        Assert.Contains("满50减5、满100减12", messages.Single(m => m.ToUserId == "u-zhao").Text, StringComparison.Ordinal);
        Assert.Contains("专属回归券【满30减8】", messages.Single(m => m.ToUserId == "u-sun").Text, StringComparison.Ordinal);
        Assert.Contains("红富士苹果", messages.Single(m => m.ToUserId == "u-li").Text, StringComparison.Ordinal);
        Assert.Equal($"marketing:{residents["u-sun"].Id}:20261201", messages.Single(m => m.ToUserId == "u-sun").IdempotencyKey);

        var coupons = await CouponsAsync();
        Assert.Equal(8, coupons.Count);
        Assert.Equal(["9.5折"], coupons.Where(c => c.ResidentId == residents["u-wang"].Id).Select(c => c.Label));
        Assert.Equal(["满50减5", "满100减12"], coupons.Where(c => c.ResidentId == residents["u-li"].Id).OrderBy(c => c.Threshold).Select(c => c.Label));
        Assert.All(coupons, c => Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, Beijing), c.ExpiresAt));
    }

    [Fact]
    public async Task A_message_written_in_the_evening_waits_for_the_morning_and_the_daily_cap_holds()
    {
        await SeedHistoryAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 0, 0, Beijing));
        await ComputeAsync(Day);

        var evening = await TreatAsync(Day);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 7, 0, 0, Beijing));
        var beforeMorning = await TreatAsync(Day);

        Assert.Equal(6, evening.Queued);
        Assert.Equal(6, beforeMorning.Capped);
        var messages = await MarketingAsync();
        Assert.Equal(6, messages.Count);
        Assert.All(messages, m => Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Beijing), m.DueAt));
        Assert.All(messages, m => Assert.EndsWith(":20261202", m.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(8, (await CouponsAsync()).Count);
    }

    [Fact]
    public async Task Treatments_are_not_repeated_within_the_repeat_period_and_skip_those_who_unsubscribed()
    {
        await SeedHistoryAsync();
        await ComputeAsync(Day);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            db.Add(new MarketingOptOut(residents["u-sun"].Id, clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var today = await TreatAsync(Day);
        clock.Advance(TimeSpan.FromDays(1));
        await ComputeAsync(Day.AddDays(1));
        var tomorrow = await TreatAsync(Day.AddDays(1));

        Assert.Equal(new TreatmentResult(Day, 5, 1, 0, 0, 1), today);
        Assert.Equal(new TreatmentResult(Day.AddDays(1), 0, 1, 0, 5, 1), tomorrow);
        Assert.DoesNotContain(await MarketingAsync(), m => m.ToUserId == "u-sun");
    }

    [Fact]
    public async Task The_daily_job_runs_at_three_in_the_business_time_zone()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var storage = scope.ServiceProvider.GetRequiredService<JobStorage>();

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ComputeSegmentsJob.RecurringId);

        Assert.Equal("0 3 * * *", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
    }

    /// <summary>
    /// Seven residents and their orders around the window of 1 December (1 Nov 00:00 – 1 Dec 00:00).
    /// Spend among the six buyers: 300, 300, 100, 30, 15, 12; the top fifth is whoever has nobody
    /// ahead (5 × 0 &lt; 6), so 王阿姨 and 赵姐 tied at 300.
    /// </summary>
    private async Task SeedHistoryAsync()
    {
        foreach (var (id, name) in new[] { ("u-wang", "王阿姨"), ("u-li", "李叔"), ("u-zhao", "赵姐"), ("u-sun", "孙阿姨"), ("u-qian", "钱叔"), ("u-zhou", "周大哥"), ("u-wu", "吴阿姨") })
        {
            residents[id] = await seed.ResidentAsync(id, name);
        }

        // 王阿姨: six orders of 50, two still open (counted), one cancelled (not counted) → Core.
        for (var i = 0; i < 6; i++)
        {
            await seed.OrderAsync(residents["u-wang"], At(11, 3 + (i * 4), 10), 50m, i < 2 ? OrderStatus.Open : OrderStatus.PickedUp);
        }

        await seed.OrderAsync(residents["u-wang"], At(11, 28, 10), 70m, OrderStatus.Cancelled);

        // 李叔: five orders but only 100 spent → Active, not Core.
        for (var i = 0; i < 5; i++)
        {
            await seed.OrderAsync(residents["u-li"], At(11, 5 + (i * 5), 19), 20m);
        }

        // 赵姐: three orders of 100 → Active, although her spend ties the top.
        for (var i = 0; i < 3; i++)
        {
            await seed.OrderAsync(residents["u-zhao"], At(11, 10 + (i * 7), 9), 100m, item: "五常大米");
        }

        // 孙阿姨: one order in the window, one long before → Dormant, and she has bought before.
        await seed.OrderAsync(residents["u-sun"], At(10, 1, 9), 45m);
        await seed.OrderAsync(residents["u-sun"], At(11, 20, 9), 30m);

        // 钱叔: exactly at the window's start (in), exactly at its end (out).
        await seed.OrderAsync(residents["u-qian"], At(11, 1, 0), 12m);
        await seed.OrderAsync(residents["u-qian"], At(12, 1, 0), 18m, OrderStatus.Open);

        // 周大哥: a second before the window (out) and a second before its end (in).
        await seed.OrderAsync(residents["u-zhou"], At(10, 31, 23, 59, 59), 16m);
        await seed.OrderAsync(residents["u-zhou"], At(11, 30, 23, 59, 59), 15m);
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, Beijing);

    private async Task<SegmentationResult> ComputeAsync(DateOnly day)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Segmentation>().ComputeAsync(day, CancellationToken.None);
    }

    private async Task<TreatmentResult> TreatAsync(DateOnly day)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SegmentTreatments>().RunAsync(day, CancellationToken.None);
    }

    private async Task<IReadOnlyList<(string UserId, Segment Segment, int Purchases, decimal Spend)>> SegmentsOfAsync(DateOnly day)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ResidentSegments>().OfDayAsync(day, CancellationToken.None);
        var byId = residents.Values.ToDictionary(r => r.Id, r => r.UserId);
        return [.. rows.Select(r => (byId[r.ResidentId], r.Segment, r.Purchases, r.Spend))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> MarketingAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        return await db.OutboundMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("marketing:")).ToListAsync();
    }

    private async Task<IReadOnlyList<Coupon>> CouponsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        return await db.Set<Coupon>().AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }
}
