using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Leaders;

/// <summary>A group's orders for a campaign with who placed them, as leader commands read them.</summary>
internal static class GroupOrders
{
    /// <summary>Orders with goods (open or picked up), oldest first, with the resident's name and user id.</summary>
    public static async Task<IReadOnlyList<ResidentOrder>> WithGoodsAsync(GroupBuyDbContext db, long campaignId, long groupId, CancellationToken cancellationToken)
    {
        var rows = await (
            from order in db.Orders.Include(o => o.Lines)
            join resident in db.Residents on order.ResidentId equals resident.Id
            where order.CampaignId == campaignId && order.GroupId == groupId && order.Status != OrderStatus.Cancelled
            orderby order.CreatedAt, order.Id
            select new { order, resident.DisplayName, resident.UserId }).ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.order.Lines.Count > 0).Select(r => new ResidentOrder(r.order, r.DisplayName, r.UserId))];
    }

    /// <summary>Splits people to @-mention into messages the channel accepts.</summary>
    public static IEnumerable<IReadOnlyList<ResidentOrder>> InMentionBatches(IReadOnlyList<ResidentOrder> orders, int maxMentions) =>
        orders.Chunk(Math.Clamp(maxMentions, 1, 20));
}

/// <summary>An order and the resident who placed it.</summary>
internal sealed record ResidentOrder(Order Order, string Name, string UserId);
