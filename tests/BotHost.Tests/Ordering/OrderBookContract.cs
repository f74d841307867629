using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Ordering;

/// <summary>How replies change orders and stock, on each storage provider's real engine.</summary>
public abstract class OrderBookContract : IAsyncLifetime
{
    private BotHostFactory host = null!;

    /// <summary>The hosts' clock; tests move it to make acknowledgements due.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected long CampaignId { get; private set; }

    protected long GroupId { get; private set; }

    protected BotHostFactory Host => host;

    protected abstract BotHostFactory CreateHost();

    public virtual async Task InitializeAsync()
    {
        host = CreateHost().WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = Clock.GetUtcNow();
        var group = new Group("gateway", "room-orders", "g", "c", "u-leader", "李姐", now);
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        var campaign = new Campaign("周四鲜果", now.AddDays(1), now.AddDays(2), "3栋大堂", now);
        campaign.AddItem("苹果", [], 12.8m, 15m, "生鲜", stock: 10);
        campaign.AddItem("香蕉", [], 6m, 7m, "生鲜", stock: null);
        campaign.OfferIn(group.Id);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        CampaignId = campaign.Id;
        GroupId = group.Id;
    }

    public virtual async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Adding_changing_and_cancelling_move_the_order_and_the_stock_together()
    {
        var resident = await ResidentAsync("u-1");

        var added = await ApplyAsync(resident, OrderEdit.Add, new OrderQuantity(1, 3), new OrderQuantity(2, 2));
        Assert.Equal([new OrderQuantity(1, 3), new OrderQuantity(2, 2)], added.Changed);
        Assert.Equal(7, await StockAsync(1));

        await ApplyAsync(resident, OrderEdit.Add, new OrderQuantity(1, 1));
        Assert.Equal(6, await StockAsync(1));

        var set = await ApplyAsync(resident, OrderEdit.Set, new OrderQuantity(1, 1));
        Assert.Equal(1, set.Order.QuantityOf(1));
        Assert.Equal(9, await StockAsync(1));

        var removed = await ApplyAsync(resident, OrderEdit.Remove, new OrderQuantity(2, 0));
        Assert.Equal(0, removed.Order.QuantityOf(2));
        Assert.Equal(12.8m, removed.Order.Total);

        var cancelled = await ApplyAsync(resident, OrderEdit.RemoveAll);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Order.Status);
        Assert.Equal(10, await StockAsync(1));
    }

    [Fact]
    public async Task Wanting_more_than_is_left_takes_nothing_and_says_how_many_are_left()
    {
        var first = await ResidentAsync("u-1");
        var second = await ResidentAsync("u-2");
        await ApplyAsync(first, OrderEdit.Add, new OrderQuantity(1, 8));

        var outcome = await ApplyAsync(second, OrderEdit.Add, new OrderQuantity(1, 3), new OrderQuantity(2, 1));

        var soldOut = Assert.Single(outcome.SoldOut);
        Assert.Equal(new SoldOut(1, "苹果", 3, 2), soldOut);
        Assert.Equal(0, outcome.Order.QuantityOf(1));
        Assert.Equal(1, outcome.Order.QuantityOf(2));
        Assert.Equal(2, await StockAsync(1));
    }

    [Fact]
    public async Task Orders_made_within_a_few_seconds_are_acknowledged_in_one_message_as_they_then_stand()
    {
        var wang = await ResidentAsync("u-wang", "王阿姨");
        var li = await ResidentAsync("u-li", "李叔");
        await ApplyAndNoteAsync(wang, OrderEdit.Add, new OrderQuantity(1, 2));
        await ApplyAndNoteAsync(li, OrderEdit.Add, new OrderQuantity(2, 1));
        await ApplyAndNoteAsync(wang, OrderEdit.Add, new OrderQuantity(2, 1));
        var flusher = Host.Services.GetRequiredService<OrderAcknowledgements>();

        Assert.False(await flusher.FlushNextAsync(CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await flusher.FlushNextAsync(CancellationToken.None));
        Assert.False(await flusher.FlushNextAsync(CancellationToken.None));

        await using var scope = Host.Services.CreateAsyncScope();
        var ack = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.AsNoTracking().SingleAsync();
        Assert.Equal("room-orders", ack.ChatId);
        Assert.Equal(["u-wang", "u-li"], ack.Mentions);
        Assert.Contains("王阿姨：1号苹果×2、2号香蕉×1，共31.6元", ack.Text, StringComparison.Ordinal);
        Assert.Contains("李叔：2号香蕉×1，共6元", ack.Text, StringComparison.Ordinal);

        // A later order starts a new acknowledgement.
        await ApplyAndNoteAsync(li, OrderEdit.RemoveAll);
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await flusher.FlushNextAsync(CancellationToken.None));
        await using var check = Host.Services.CreateAsyncScope();
        var second = await check.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.AsNoTracking().OrderBy(m => m.Id).LastAsync();
        Assert.Contains("李叔：已取消", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_item_numbers_are_reported_and_change_nothing()
    {
        var resident = await ResidentAsync("u-1");

        var outcome = await ApplyAsync(resident, OrderEdit.Add, new OrderQuantity(7, 1));

        Assert.Equal([7], outcome.UnknownItems);
        Assert.False(outcome.ChangedAnything);
    }

    [Fact]
    public async Task One_resident_has_one_order_per_chat()
    {
        var resident = await ResidentAsync("u-1");

        await ApplyAsync(resident, OrderEdit.Add, new OrderQuantity(2, 1));
        await ApplyAsync(resident, OrderEdit.Add, new OrderQuantity(2, 1));

        await using var scope = Host.Services.CreateAsyncScope();
        var orders = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Orders.Include(o => o.Lines).Where(o => o.ResidentId == resident).ToListAsync();
        Assert.Equal(2, Assert.Single(orders).QuantityOf(2));
    }

    protected async Task<long> ResidentAsync(string userId, string? name = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var resident = new Resident("gateway", userId, name ?? userId, Clock.GetUtcNow());
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return resident.Id;
    }

    /// <summary>One reply in its own scope and transaction, as the inbox processes it.</summary>
    protected async Task<OrderOutcome> ApplyAsync(long residentId, OrderEdit edit, params OrderQuantity[] lines)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<OrderBook>().ApplyAsync(await CampaignAsync(db), GroupId, residentId, edit, lines, DateTimeOffset.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcome;
    }

    private Task<Campaign> CampaignAsync(GroupBuyDbContext db) =>
        db.Campaigns.Include(c => c.Items).SingleAsync(c => c.Id == CampaignId);

    private async Task ApplyAndNoteAsync(long residentId, OrderEdit edit, params OrderQuantity[] lines)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        await scope.ServiceProvider.GetRequiredService<OrderBook>().ApplyAsync(await CampaignAsync(db), GroupId, residentId, edit, lines, Clock.GetUtcNow(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<OrderAcknowledgements>().NoteAsync(db, CampaignId, GroupId, residentId, Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    protected async Task<int?> StockAsync(int itemNo)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().CampaignItems
            .Where(i => i.CampaignId == CampaignId && i.ItemNo == itemNo).Select(i => i.Stock).SingleAsync();
    }
}
