using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.BotHost.Tests.PickLists;

/// <summary>
/// A published campaign "周四鲜果" in two communities and three group chats, with orders written
/// straight into the order book (the chat path has its own tests):
/// <code>
/// 阳光花园  李姐 room-a1  王阿姨 1×2 2×1 | 赵叔 2×3 | 钱姐 cancelled | 郑奶奶 1×1
/// 阳光花园  王哥 room-a2  孙阿姨 1×1 | 周大爷 1×4 2×2
/// 幸福里    张姐 room-b1  吴姐 1×1 2×1 | =1+1 2×1
/// </code>
/// Item 3 (砂糖橘) is ordered by nobody.
/// </summary>
internal sealed class SeededCampaign
{
    private SeededCampaign(long campaignId, IReadOnlyDictionary<string, long> groups)
    {
        CampaignId = campaignId;
        Groups = groups;
    }

    public long CampaignId { get; }

    /// <summary>Group ids by chat id.</summary>
    public IReadOnlyDictionary<string, long> Groups { get; }

    public static async Task<SeededCampaign> CreateAsync(BotHostFactory host, bool publish = true, bool withOrders = true)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = DateTimeOffset.UtcNow;
        Group[] groups =
        [
            new("gateway", "room-a1", "阳光花园3栋团购群", "阳光花园", "u-li", "李姐", now),
            new("gateway", "room-a2", "阳光花园5栋团购群", "阳光花园", "u-wang", "王哥", now),
            new("gateway", "room-b1", "幸福里团购群", "幸福里", "u-zhang", "张姐", now),
        ];
        foreach (var group in groups)
        {
            // One at a time, so ids follow the order above (pickup codes are given chat by chat in id order).
            db.Groups.Add(group);
            await db.SaveChangesAsync();
        }

        var campaign = new Campaign("周四鲜果", now.AddDays(1), now.AddDays(2), "各小区自提点", now);
        campaign.AddItem("红富士苹果", ["苹果"], 12.8m, 15m, "生鲜", stock: null);
        campaign.AddItem("香蕉", [], 6m, 7m, "生鲜", stock: null);
        campaign.AddItem("砂糖橘", [], 19.9m, 23m, "生鲜", stock: null);
        foreach (var group in groups)
        {
            campaign.OfferIn(group.Id);
        }

        if (publish)
        {
            campaign.Publish(now);
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        if (withOrders)
        {
            var at = now;
            async Task<Order> OrderAsync(Group group, string name, params (int ItemNo, int Quantity)[] lines)
            {
                at = at.AddSeconds(1);
                var resident = new Resident("gateway", $"u-{name}", name, at);
                db.Residents.Add(resident);
                await db.SaveChangesAsync();
                var order = new Order(campaign.Id, group.Id, resident.Id, at);
                foreach (var (itemNo, quantity) in lines)
                {
                    order.Add(itemNo, quantity, campaign.FindItem(itemNo)!.Price, at);
                }

                db.Orders.Add(order);
                await db.SaveChangesAsync();
                return order;
            }

            await OrderAsync(groups[0], "王阿姨", (1, 2), (2, 1));
            await OrderAsync(groups[0], "赵叔", (2, 3));
            (await OrderAsync(groups[0], "钱姐", (1, 1))).CancelAll(at);
            await db.SaveChangesAsync();
            await OrderAsync(groups[0], "郑奶奶", (1, 1));
            await OrderAsync(groups[1], "孙阿姨", (1, 1));
            await OrderAsync(groups[1], "周大爷", (1, 4), (2, 2));
            await OrderAsync(groups[2], "吴姐", (1, 1), (2, 1));
            await OrderAsync(groups[2], "=1+1", (2, 1));
        }

        return new SeededCampaign(campaign.Id, groups.ToDictionary(g => g.ChatId, g => g.Id));
    }

    /// <summary>Changes the stored campaign or its groups, as the leader's commands and ops would.</summary>
    public async Task ChangeAsync(BotHostFactory host, Action<Campaign, IReadOnlyList<Group>, DateTimeOffset> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var campaign = await db.Campaigns.Include(c => c.Chats).SingleAsync(c => c.Id == CampaignId);
        var groups = await db.Groups.Where(g => Groups.Values.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync();
        change(campaign, groups, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>The leader hands over a resident's goods (已取).</summary>
    public async Task ConfirmPickupAsync(BotHostFactory host, string residentName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var residentId = await db.Residents.Where(r => r.DisplayName == residentName).Select(r => r.Id).SingleAsync();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.CampaignId == CampaignId && o.ResidentId == residentId);
        order.ConfirmPickup(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
