using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Supply progress (供应链进度) told to every group of a campaign: "已到仓，正在分拣", then "已送达社区".
/// Ops send it through the API today and the day plan will on schedule; either way each notice
/// goes into a group once, because its outbox key is (campaign, group, stage) and that key is
/// unique. Sending again, or from two places at once, queues nothing new.
/// </summary>
public sealed class ProgressNotices(
    GroupBuyDbContext db,
    MessageTemplates templates,
    ChannelDirectory channels,
    BusinessTimeZone zone,
    TimeProvider clock)
{
    // A unique violation means another call queued some of the same notices just now; counting
    // again sees them. More than a few in a row is not a race but a fault, and is thrown.
    private const int MaxAttempts = 3;

    public static string NoticeKey(long campaignId, long groupId, SupplyStage stage) =>
        $"progress:{campaignId}:{groupId}:{SupplyStages.NameOf(stage)}";

    public async Task<ProgressResult> SendAsync(long campaignId, SupplyStage stage, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await QueueAsync(campaignId, stage, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && ex.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ProgressResult> QueueAsync(long campaignId, SupplyStage stage, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ProgressResult(ProgressOutcome.NotFound, $"There is no campaign {campaignId}.", 0, 0, []);
        }

        if (campaign.Status == CampaignStatus.Draft)
        {
            return new ProgressResult(ProgressOutcome.Refused, $"Campaign {campaignId} was never published: no group is waiting for its goods.", 0, 0, []);
        }

        var now = clock.GetUtcNow();
        var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var keys = groups.Select(g => NoticeKey(campaign.Id, g.Id, stage)).ToList();
        var earlier = (await db.OutboundMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        // The notice says the same in every group: no mentions, nothing to reply to.
        var text = await RenderAsync(campaign, stage, cancellationToken);
        var warnings = new List<string>();
        var queued = 0;
        foreach (var group in groups)
        {
            var key = NoticeKey(campaign.Id, group.Id, stage);
            if (earlier.Contains(key))
            {
                continue;
            }

            if (GroupPosting.Unreachable(group, channels) is { } why)
            {
                warnings.Add(why);
                continue;
            }

            if (GroupPosting.Caution(group) is { } caution)
            {
                warnings.Add(caution);
            }

            if (campaign.IsTakingOrdersIn(group.Id, now))
            {
                warnings.Add($"Chat {group.ChatId} is still taking orders; its residents hear that the goods are on their way before their orders are closed.");
            }

            db.OutboundMessages.Add(OutboundMessage.ToChat(group.Channel, group.ChatId, text, [], key, now));
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ProgressResult(ProgressOutcome.Queued, null, queued, earlier.Count, warnings);
    }

    private Task<string> RenderAsync(Campaign campaign, SupplyStage stage, CancellationToken cancellationToken)
    {
        var pickupAt = ChineseFormat.DayAndTime(zone.ToLocal(campaign.PickupAt));
        return stage switch
        {
            SupplyStage.Sorting => templates.RenderAsync(new SortingNoticeMessage(campaign.Title, pickupAt, campaign.PickupPoint), cancellationToken),
            SupplyStage.Delivered => templates.RenderAsync(new DeliveredNoticeMessage(campaign.Title, pickupAt, campaign.PickupPoint), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown supply stage."),
        };
    }
}
