using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Campaigns;

/// <summary>The day plan's progress notices on pickup day, on PostgreSQL with a fake clock: on time, once per group, only when turned on.</summary>
public sealed class DayPlanTests : IAsyncLifetime
{
    // Pickup on Friday 27 November 2026 at 17:30, Beijing time; ordering closed the evening before.
    private static readonly DateTimeOffset PickupAt = new(2026, 11, 27, 17, 30, 0, TimeSpan.FromHours(8));

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(PickupAt.AddDays(-2));

    public async Task InitializeAsync() => await database.InitializeAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task On_pickup_day_each_group_hears_sorting_then_delivered_once()
    {
        await using var host = Host(enabled: true);
        await SeedAsync(host);

        // Counted from the outbox, not from the calls: the host's own minutely job may get there first.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 59, 0, TimeSpan.FromHours(8)));
        await SendDueAsync(host);
        Assert.Empty(await NoticeKeysAsync(host));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8)));
        await SendDueAsync(host);
        await SendDueAsync(host);
        Assert.Equal(["progress:1:1:sorting", "progress:1:2:sorting"], (await NoticeKeysAsync(host)).Order(StringComparer.Ordinal));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 17, 5, 0, TimeSpan.FromHours(8)));
        await SendDueAsync(host);
        await SendDueAsync(host);
        var keys = await NoticeKeysAsync(host);
        Assert.Equal(4, keys.Count);
        Assert.Equal(2, keys.Count(k => k.EndsWith(":delivered", StringComparison.Ordinal)));

        // The next day is no longer pickup day.
        clock.SetUtcNow(PickupAt.AddDays(1));
        Assert.Equal(0, await SendDueAsync(host));
        Assert.Equal(4, (await NoticeKeysAsync(host)).Count);
    }

    [Fact]
    public async Task Turned_off_by_default_it_sends_nothing()
    {
        await using var host = Host(enabled: null);
        await SeedAsync(host);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 17, 5, 0, TimeSpan.FromHours(8)));

        Assert.Equal(0, await SendDueAsync(host));
        Assert.Empty(await NoticeKeysAsync(host));
    }

    private BotHostFactory Host(bool? enabled) =>
        BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"), ("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", "http://127.0.0.1:9/outbound"), ("DayPlan:Enabled", enabled?.ToString()))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    private async Task SeedAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        var groups = new[] { new Group("gateway", "room-a", "阳光花园3栋", "阳光花园", "u-a", "李姐", now), new Group("gateway", "room-b", "幸福里1栋", "幸福里", "u-b", "张姐", now) };
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync();
        var campaign = new Campaign("周四鲜果", PickupAt.AddHours(-19), PickupAt, "各小区自提点", now);
        campaign.AddItem("红富士苹果", [], 12.8m, 15.8m, "生鲜", stock: null);
        foreach (var group in groups)
        {
            campaign.OfferIn(group.Id);
        }

        campaign.Publish(now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
    }

    private static async Task<int> SendDueAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DayPlanNotices>().SendDueAsync(CancellationToken.None);
    }

    private static async Task<List<string>> NoticeKeysAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages
            .Where(m => m.IdempotencyKey.StartsWith("progress:")).Select(m => m.IdempotencyKey).ToListAsync();
    }
}
