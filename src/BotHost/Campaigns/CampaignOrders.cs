using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>A campaign's order book as <c>GET /api/campaigns/{id}/orders</c> and the console's order list read it.</summary>
internal static class CampaignOrders
{
    /// <summary>Every order of the campaign (cancelled ones too), oldest first, with its chat and resident.</summary>
    public static async Task<List<CampaignOrder>> ListAsync(GroupBuyDbContext db, long campaignId, CancellationToken cancellationToken)
    {
        var rows = await (
            from order in db.Orders.AsNoTracking().Include(o => o.Lines)
            join grp in db.Groups on order.GroupId equals grp.Id
            join resident in db.Residents on order.ResidentId equals resident.Id
            where order.CampaignId == campaignId
            orderby order.Id
            select new { order, grp, resident }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CampaignOrder(r.order, r.grp, r.resident))];
    }

    /// <summary>Orders with goods (open or picked up) per campaign; cancelled ones do not count, as on the pick list.</summary>
    public static Task<Dictionary<long, int>> CountAsync(GroupBuyDbContext db, IReadOnlyCollection<long> campaignIds, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking()
            .Where(o => campaignIds.Contains(o.CampaignId) && o.Status != OrderStatus.Cancelled)
            .GroupBy(o => o.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>open, cancelled or picked_up, as the API writes an order's status.</summary>
    public static string StatusCode(OrderStatus status) =>
        status == OrderStatus.PickedUp ? "picked_up" : status.ToString().ToLowerInvariant();
}
