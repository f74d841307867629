using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// 到货 in one chat, however it is said (the leader's command, or the day plan's delivered
/// notice): ordering there is over, every order has its pickup code, and the reminders that
/// follow are planned. The caller saves, with the rest of what it did.
/// </summary>
public sealed class GoodsArrival(GroupBuyDbContext db, PickupCodes codes, ReminderSettings reminders, BusinessTimeZone zone)
{
    public async Task ArriveInAsync(Campaign campaign, long groupId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        campaign.MarkArrivedIn(groupId, now);
        await codes.AssignAsync(campaign.Id, groupId, cancellationToken);
        PickupReminders.Plan(db, campaign.Id, groupId, now, reminders, zone);
    }
}
