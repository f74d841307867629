using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Reminders;

/// <summary>
/// Pickup reminders after 到货 on PostgreSQL, driven by a fake clock: each step goes when due, only
/// to whoever has not collected, never twice, and the leader hears who is missing after two days.
/// </summary>
public sealed class PickupReminderTests : IAsyncLifetime
{
    // Friday 27 November 2026, 15:00 in Beijing: the goods arrive.
    private static readonly DateTimeOffset Arrival = new(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(8));

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(Arrival.AddDays(-1));
    private BotHostFactory host = null!;
    private long campaignId;
    private long groupId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"), ("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", "http://127.0.0.1:9/outbound"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        var group = new Group("gateway", "room-1", "阳光花园3栋团购群", "阳光花园", "u-leader", "李姐", now);
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        var campaign = new Campaign("周四鲜果", now.AddHours(2), Arrival, "3栋大堂快递柜旁", now);
        campaign.AddItem("红富士苹果", ["苹果"], 12.8m, 15.8m, "生鲜", stock: null);
        campaign.AddItem("香蕉", [], 6m, 7m, "生鲜", stock: null);
        campaign.OfferIn(group.Id);
        campaign.Publish(now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        campaignId = campaign.Id;
        groupId = group.Id;

        await OrderAsync(db, "u-1", "王阿姨", 1, 2);
        await OrderAsync(db, "u-2", "李叔", 2, 1);
        await OrderAsync(db, "u-3", "张姐", 1, 1);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Each_step_reminds_only_who_has_not_collected_and_never_twice()
    {
        await ArriveAsync();
        await PickUpAsync("u-1");

        clock.SetUtcNow(Arrival.AddHours(2).AddMinutes(-1));
        await SendDueAsync();
        Assert.Empty(await RemindersAsync());

        clock.SetUtcNow(Arrival.AddHours(2));
        await SendDueAsync();
        var first = await RemindersAsync();
        Assert.Equal(["u-2", "u-3"], first.Select(m => m.ToUserId!).Order(StringComparer.Ordinal));
        Assert.Contains(first, m => m.Text == "李叔，温馨提醒：您在【周四鲜果】订的2号香蕉×1已经到3栋大堂快递柜旁啦，取件码1002，方便的时候来取哦～");

        // Run again, and as if a crashed run had left the step unmarked: nothing is sent twice.
        await SendDueAsync();
        await ReopenStepsAsync();
        await SendDueAsync();
        Assert.Equal(2, (await RemindersAsync()).Count);

        await PickUpAsync("u-2");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)));
        await SendDueAsync();
        var morning = (await RemindersAsync()).Skip(2).ToList();
        Assert.Equal("u-3", Assert.Single(morning).ToUserId);
        Assert.StartsWith("张姐，再提醒一下：", morning[0].Text, StringComparison.Ordinal);

        clock.SetUtcNow(Arrival.AddHours(48));
        await SendDueAsync();
        var leader = (await RemindersAsync()).Skip(3).ToList();
        Assert.Equal("u-leader", Assert.Single(leader).ToUserId);
        Assert.Equal("李姐，【周四鲜果】到货已经48小时，还有1位邻居没取：\n张姐 1003（1号红富士苹果×1）\n可以私下联系一下，生鲜记得妥善保存～", leader[0].Text);
    }

    [Fact]
    public async Task When_everyone_has_collected_nobody_is_reminded()
    {
        await ArriveAsync();
        await PickUpAsync("u-1");
        await PickUpAsync("u-2");
        await PickUpAsync("u-3");

        clock.SetUtcNow(Arrival.AddDays(3));
        await SendDueAsync();

        Assert.Empty(await RemindersAsync());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<PickupReminder>().ToListAsync(), r => Assert.NotNull(r.SentAt));
    }

    [Fact]
    public async Task Two_hosts_sending_at_once_send_each_reminder_once()
    {
        await ArriveAsync();
        clock.SetUtcNow(Arrival.AddDays(3));

        await using var other = BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"), ("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", "http://127.0.0.1:9/outbound"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await Task.WhenAll(
            host.Services.GetRequiredService<PickupReminders>().SendDueAsync(CancellationToken.None),
            other.Services.GetRequiredService<PickupReminders>().SendDueAsync(CancellationToken.None));

        var sent = await RemindersAsync();
        Assert.Equal(7, sent.Count);
        Assert.Equal(sent.Count, sent.Select(m => m.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());
    }

    private async Task OrderAsync(GroupBuyDbContext db, string userId, string name, int itemNo, int quantity)
    {
        var resident = new Resident("gateway", userId, name, clock.GetUtcNow());
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        var order = new Order(campaignId, groupId, resident.Id, clock.GetUtcNow());
        order.Add(itemNo, quantity, itemNo == 1 ? 12.8m : 6m, clock.GetUtcNow());
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task ArriveAsync()
    {
        clock.SetUtcNow(Arrival);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GroupBuyDbContext>();
        var campaign = await db.Campaigns.Include(c => c.Chats).SingleAsync(c => c.Id == campaignId);
        await services.GetRequiredService<GoodsArrival>().ArriveInAsync(campaign, groupId, Arrival, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private async Task PickUpAsync(string userId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var resident = await db.Residents.SingleAsync(r => r.UserId == userId);
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ResidentId == resident.Id);
        order.ConfirmPickup(clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private Task<int> SendDueAsync() => host.Services.GetRequiredService<PickupReminders>().SendDueAsync(CancellationToken.None);

    private async Task ReopenStepsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<PickupReminder>()
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, (DateTimeOffset?)null));
    }

    private async Task<IReadOnlyList<OutboundMessage>> RemindersAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith("pickup-reminder:"))
            .OrderBy(m => m.Id)
            .ToListAsync();
    }
}
