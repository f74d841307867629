using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.PickLists;

/// <summary>
/// Builds a campaign's pick list from its order book. Orders with goods count (open, or already
/// picked up); cancelled ones do not. Before reading, every chat whose ordering is over gets its
/// pickup codes, so a list the warehouse prints always carries the codes residents will be told.
/// </summary>
public sealed class PickListBuilder(GroupBuyDbContext db, PickupCodes codes, BusinessTimeZone zone, TimeProvider clock)
{
    // Codes race only with another chat's cut-off or another reader of the list; a few tries settle it.
    private const int MaxCodeAttempts = 3;

    public async Task<PickListResult> BuildAsync(long campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Items).Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new PickListResult(PickListOutcome.NotFound, $"There is no campaign {campaignId}.", null);
        }

        if (campaign.Status == CampaignStatus.Draft)
        {
            return new PickListResult(PickListOutcome.Draft, $"Campaign {campaignId} is a draft: nobody can have ordered yet. Publish it first.", null);
        }

        var now = clock.GetUtcNow();
        // Chat by chat in a fixed order, so the same orders get the same codes whoever reads first.
        foreach (var chat in campaign.Chats.Where(c => campaign.IsOrderingOverIn(c.GroupId, now)).OrderBy(c => c.GroupId))
        {
            await AssignCodesAsync(campaign.Id, chat.GroupId, cancellationToken);
        }

        var orders = (await db.Orders.AsNoTracking().Include(o => o.Lines)
                .Where(o => o.CampaignId == campaignId && o.Status != OrderStatus.Cancelled)
                .ToListAsync(cancellationToken))
            .Where(o => o.Lines.Count > 0)
            .ToList();
        var groupIds = orders.Select(o => o.GroupId).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var residentIds = orders.Select(o => o.ResidentId).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken);

        var names = campaign.Items.ToDictionary(i => i.ItemNo, i => i.Name);
        var parcels = orders.GroupBy(o => o.GroupId)
            .Select(g => Parcel(campaign, groups[g.Key], g, names, residents, now))
            .ToList();
        var communities = parcels.GroupBy(p => p.Community, StringComparer.Ordinal)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new CommunityPicks(
                c.Key,
                c.Sum(p => p.OrderCount),
                ItemQuantity.Totals(c.SelectMany(p => p.Items)),
                [.. c.OrderBy(p => p.LeaderName, StringComparer.Ordinal).ThenBy(p => p.GroupName, StringComparer.Ordinal).ThenBy(p => p.ChatId, StringComparer.Ordinal)]))
            .ToList();

        // Every item is listed at the top, ordered or not: the buyer reads "0" as "tell the supplier".
        var totals = ItemQuantity.Totals(parcels.SelectMany(p => p.Items)).ToDictionary(t => t.ItemNo, t => t.Quantity);
        var items = campaign.Items.OrderBy(i => i.ItemNo).Select(i => new ItemQuantity(i.ItemNo, i.Name, totals.GetValueOrDefault(i.ItemNo))).ToList();

        var list = new PickList(
            campaign.Id,
            campaign.Title,
            campaign.IsOrderingOver(now),
            zone.ToLocal(now),
            zone.ToLocal(campaign.PickupAt),
            campaign.PickupPoint,
            orders.Count,
            items,
            communities);
        return new PickListResult(PickListOutcome.Ready, null, list);
    }

    /// <summary>
    /// A read that writes, on purpose: codes belong to orders from the moment ordering is over, but a
    /// campaign passing its <c>closesAt</c> is not an event anything acts on. Assigning is
    /// idempotent (orders keep their code), so only the first read after a cut-off writes anything,
    /// and a leader's 截单 or 到货 giving codes first changes nothing here.
    /// </summary>
    private async Task AssignCodesAsync(long campaignId, long groupId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await codes.AssignAsync(campaignId, groupId, cancellationToken);
            try
            {
                // Saved per chat: the next chat's codes continue from what is stored, not from what is tracked.
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxCodeAttempts && (ex.IsUniqueViolation() || ex is DbUpdateConcurrencyException))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static LeaderParcel Parcel(
        Campaign campaign, Group group, IEnumerable<Order> orders, IReadOnlyDictionary<int, string> names, IReadOnlyDictionary<long, string> residents, DateTimeOffset now)
    {
        var picked = orders
            .OrderBy(o => o.PickupCode is null)
            .ThenBy(o => o.PickupCode?.Length)
            .ThenBy(o => o.PickupCode, StringComparer.Ordinal)
            .ThenBy(o => o.CreatedAt)
            .ThenBy(o => o.Id)
            .Select(o => new PickedOrder(
                residents.GetValueOrDefault(o.ResidentId) ?? string.Empty,
                o.PickupCode,
                [.. o.Lines.OrderBy(l => l.ItemNo).Select(l => new ItemQuantity(l.ItemNo, names.GetValueOrDefault(l.ItemNo) ?? $"{l.ItemNo}号", l.Quantity))]))
            .ToList();
        return new LeaderParcel(
            group.LeaderName,
            group.Community,
            group.Name,
            group.ChatId,
            campaign.IsOrderingOverIn(group.Id, now),
            picked.Count,
            LeaderParcel.LabelFor(group.LeaderName, group.Community, picked.Count),
            ItemQuantity.Totals(picked.SelectMany(o => o.Lines)),
            picked);
    }
}
