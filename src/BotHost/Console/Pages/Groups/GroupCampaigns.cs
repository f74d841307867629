using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>Which campaigns are offered in which groups, as the group pages list them.</summary>
internal static class GroupCampaigns
{
    /// <summary>
    /// By group: the campaigns taking orders there now (published, before the cut-off, and not cut
    /// off in that group by its leader's 截单), newest first.
    /// </summary>
    public static async Task<ILookup<long, GroupCampaign>> TakingOrdersAsync(GroupBuyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(CampaignStages.Is(CampaignStage.TakingOrders, now))
            .Include(c => c.Chats)
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var counts = await OrderCountsAsync(db, [.. campaigns.Select(c => c.Id)], cancellationToken);
        return campaigns
            .SelectMany(c => c.Chats.Where(chat => c.IsTakingOrdersIn(chat.GroupId, now)).Select(chat => (chat.GroupId, Campaign: c)))
            .ToLookup(x => x.GroupId, x => Row(x.Campaign, x.GroupId, now, counts));
    }

    /// <summary>The latest campaigns offered in one group, newest first, with that group's orders in each.</summary>
    public static async Task<IReadOnlyList<GroupCampaign>> RecentAsync(GroupBuyDbContext db, long groupId, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Chats.Any(chat => chat.GroupId == groupId))
            .Include(c => c.Chats)
            .OrderByDescending(c => c.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        var counts = await OrderCountsAsync(db, [.. campaigns.Select(c => c.Id)], cancellationToken);
        return [.. campaigns.Select(c => Row(c, groupId, now, counts))];
    }

    private static GroupCampaign Row(Campaign campaign, long groupId, DateTimeOffset now, Dictionary<(long CampaignId, long GroupId), int> counts) => new(
        campaign.Id,
        campaign.Title,
        CampaignStages.Of(campaign, now),
        campaign.PickupPoint,
        campaign.ClosesAt,
        campaign.PickupAt,
        counts.GetValueOrDefault((campaign.Id, groupId)));

    /// <summary>Orders with goods (open or picked up) per campaign and group; cancelled ones do not count, as on the campaign list.</summary>
    private static async Task<Dictionary<(long CampaignId, long GroupId), int>> OrderCountsAsync(GroupBuyDbContext db, IReadOnlyCollection<long> campaignIds, CancellationToken cancellationToken) =>
        (await db.Orders.AsNoTracking()
            .Where(o => campaignIds.Contains(o.CampaignId) && o.Status != OrderStatus.Cancelled)
            .GroupBy(o => new { o.CampaignId, o.GroupId })
            .Select(g => new { g.Key.CampaignId, g.Key.GroupId, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => (g.CampaignId, g.GroupId), g => g.Count);
}
