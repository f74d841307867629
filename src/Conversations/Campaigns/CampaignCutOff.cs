using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Leaders;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// 截单: ordering is over in a chat, so its orders get their pickup codes and the chat hears it
/// closed and when and where to collect. The leader's 截单 does it for their chat; ops' close and
/// the job at <c>closesAt</c> do it for every chat of the campaign. The announcement's outbox key
/// is (campaign, group), so a chat hears it once however many of them run.
/// </summary>
public sealed class CampaignCutOff(GroupBuyDbContext db, PickupCodes codes, MessageTemplates templates, BusinessTimeZone zone, TimeProvider clock)
{
    // A unique violation or a version conflict means a leader's 截单 (or another host) got in
    // just now; reading again sees what it did. More than a few in a row is a fault, and is thrown.
    private const int MaxAttempts = 3;

    public static string AnnouncementKey(long campaignId, long groupId) => $"cut-off:{campaignId}:{groupId}";

    /// <summary>
    /// The shared part of every cut-off, for one chat whose ordering is over: codes, then the
    /// announcement unless the chat already had it. False when it had. The caller saves.
    /// </summary>
    public async Task<bool> AnnounceInAsync(Campaign campaign, Group group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(group);
        await codes.AssignAsync(campaign.Id, group.Id, cancellationToken);
        var key = AnnouncementKey(campaign.Id, group.Id);
        if (db.OutboundMessages.Local.Any(m => m.IdempotencyKey == key) || await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        var orders = await db.Orders
            .Where(o => o.CampaignId == campaign.Id && o.GroupId == group.Id && o.Status == OrderStatus.Open)
            .CountAsync(cancellationToken);
        var text = await templates.RenderAsync(
            new CutOffMessage(campaign.Title, orders, ChineseFormat.DayAndTime(zone.ToLocal(campaign.PickupAt)), campaign.PickupPoint),
            cancellationToken);
        db.OutboundMessages.Add(OutboundMessage.ToChat(group.Channel, group.ChatId, text, [], key, now));
        return true;
    }

    /// <summary>Closes the campaign in every chat now (ops' close, or the job at <c>closesAt</c>). Closing again queues nothing new.</summary>
    public async Task<CutOffResult> CloseAsync(long campaignId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CloseOnceAsync(campaignId, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation()))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CutOffResult> CloseOnceAsync(long campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new CutOffResult(CutOffOutcome.NotFound, $"There is no campaign {campaignId}.", null, 0, []);
        }

        if (campaign.Status == CampaignStatus.Draft)
        {
            return new CutOffResult(CutOffOutcome.Refused, "The campaign was never published; delete or publish it instead.", null, 0, []);
        }

        var now = clock.GetUtcNow();
        campaign.Close(now);
        var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var warnings = new List<string>();
        var queued = 0;
        foreach (var group in groups)
        {
            if (group.DismissedAt is not null)
            {
                // Its residents' orders still get codes: the leader hands out what was ordered.
                await codes.AssignAsync(campaign.Id, group.Id, cancellationToken);
                warnings.Add($"Chat {group.ChatId} was dismissed; no cut-off announcement was sent there.");
                continue;
            }

            if (await AnnounceInAsync(campaign, group, now, cancellationToken))
            {
                queued++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CutOffResult(CutOffOutcome.Closed, null, campaign.ClosedAt, queued, warnings);
    }
}
