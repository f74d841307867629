using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Sends the day plan's progress notices for campaigns collected today: "正在分拣" from the sorting
/// time, "已送达社区" from the delivery time. Each goes to a group once (<see cref="ProgressNotices"/>
/// keys them by campaign, group and stage), so the job may run every minute, late, or on two hosts.
/// The delivered notice also counts as 到货 in chats whose leader has not said it, so reminders follow.
/// </summary>
public sealed class DayPlanNotices(
    GroupBuyDbContext db,
    ProgressNotices notices,
    GoodsArrival arrival,
    DayPlanSettings settings,
    BusinessTimeZone zone,
    TimeProvider clock)
{
    /// <summary>Queues what is due now; returns how many notices were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var local = zone.ToLocal(now);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time < settings.SortingAt)
        {
            return 0;
        }

        var dayStart = new DateTimeOffset(local.Date, local.Offset);
        var dayEnd = dayStart.AddDays(1);
        var today = await db.Campaigns.AsNoTracking()
            .Where(c => (c.Status == CampaignStatus.Closed || (c.Status == CampaignStatus.Published && c.ClosesAt <= now)) && c.PickupAt >= dayStart && c.PickupAt < dayEnd)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var campaignId in today)
        {
            queued += (await notices.SendAsync(campaignId, SupplyStage.Sorting, cancellationToken)).Queued;
            if (time >= settings.DeliveredAt)
            {
                queued += (await notices.SendAsync(campaignId, SupplyStage.Delivered, cancellationToken)).Queued;
                await ArriveAsync(campaignId, now, cancellationToken);
            }
        }

        return queued;
    }

    /// <summary>
    /// Where the day plan runs, "已送达社区" is the arrival: chats whose leader has not said 到货 are
    /// marked arrived now and their pickup reminders planned, as 到货 would.
    /// </summary>
    private async Task ArriveAsync(long campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Chats).SingleAsync(c => c.Id == campaignId, cancellationToken);
        var waiting = campaign.Chats.Where(c => c.ArrivedAt is null).Select(c => c.GroupId).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        foreach (var groupId in waiting)
        {
            await arrival.ArriveInAsync(campaign, groupId, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            // Another host, or a leader's 到货, got there first; what it did stands.
            db.ChangeTracker.Clear();
        }
    }
}
