using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.BotHost.Tests.Segments;

/// <summary>
/// Writes a purchase history straight into the database: one group, one campaign per order (a
/// resident has one order per campaign and chat), each order placed at the time a test names.
/// </summary>
internal sealed class SegmentSeed(IServiceProvider services)
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly DateTimeOffset Registered = new(2026, 9, 1, 9, 0, 0, Beijing);

    private Group? group;
    private int campaigns;

    public async Task<Group> GroupAsync()
    {
        if (group is null)
        {
            group = new Group("gateway", "room-segments", "阳光花园3栋团购群", "阳光花园", "u-leader", "李姐", Registered);
            await SaveAsync(db => db.Groups.Add(group));
        }

        return group;
    }

    public async Task<Resident> ResidentAsync(string userId, string name)
    {
        var resident = new Resident("gateway", userId, name, Registered);
        await SaveAsync(db => db.Residents.Add(resident));
        return resident;
    }

    /// <summary>An order of one item at <paramref name="price"/>, placed at <paramref name="at"/>, then left open, picked up or cancelled.</summary>
    public async Task<Order> OrderAsync(Resident resident, DateTimeOffset at, decimal price, OrderStatus status = OrderStatus.PickedUp, string item = "红富士苹果")
    {
        var where = await GroupAsync();
        var campaign = new Campaign($"第{++campaigns}期", at.AddDays(1), at.AddDays(2), "3栋大堂", at.AddDays(-1));
        campaign.AddItem(item, [], price, price * 1.15m, "生鲜", stock: null);
        campaign.OfferIn(where.Id);
        await SaveAsync(db => db.Campaigns.Add(campaign));

        var order = new Order(campaign.Id, where.Id, resident.Id, at);
        order.Add(1, 1, price, at);
        if (status == OrderStatus.PickedUp)
        {
            order.ConfirmPickup(at.AddDays(2));
        }
        else if (status == OrderStatus.Cancelled)
        {
            order.CancelAll(at.AddHours(1));
        }

        await SaveAsync(db => db.Orders.Add(order));
        return order;
    }

    private async Task SaveAsync(Action<GroupBuyDbContext> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
