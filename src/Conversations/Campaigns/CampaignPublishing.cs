using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// 开团: opens a campaign and queues its preview into every chat of it, worded for what each
/// channel can do ("@团购助手 1号+1" where the bot only hears mentions). The status change and the
/// previews are saved together; a preview's idempotency key (campaign, group) means it is never
/// queued twice.
/// </summary>
public sealed class CampaignPublishing(
    GroupBuyDbContext db,
    MessageTemplates templates,
    ChannelDirectory channels,
    BusinessTimeZone zone,
    BotIdentity bot,
    TimeProvider clock)
{
    /// <summary>The outbox key of a campaign's preview in a chat: one per chat, and where replies find the preview's text.</summary>
    public static string PreviewKey(long campaignId, long groupId) => $"preview:{campaignId}:{groupId}";

    public async Task<PublishResult> PublishAsync(long campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Items).Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new PublishResult(PublishOutcome.NotFound, $"There is no campaign {campaignId}.", [], 0);
        }

        var now = clock.GetUtcNow();
        try
        {
            campaign.Publish(now);
        }
        catch (InvalidOperationException ex)
        {
            return new PublishResult(PublishOutcome.Refused, ex.Message, [], 0);
        }

        var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
        var groups = await db.Groups.Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var warnings = new List<string>();
        var queued = 0;
        foreach (var group in groups)
        {
            if (await QueuePreviewAsync(campaign, group, now, warnings, cancellationToken))
            {
                queued++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Ops changed the draft while it was being published; the preview would show the old offer.
            return new PublishResult(PublishOutcome.Refused, $"Campaign {campaignId} was changed while it was being published; nothing was sent. Check it and publish again.", [], 0);
        }

        return new PublishResult(PublishOutcome.Published, null, warnings, queued);
    }

    /// <summary>
    /// 开团 by a leader in their group: the campaign is offered there (published first if it was a
    /// draft) and its preview posted there only; its other chats get theirs from their own leaders
    /// or from ops. The caller saves, with the rest of the leader's message.
    /// </summary>
    public async Task<PublishResult> PublishInAsync(Campaign campaign, Group group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(group);
        try
        {
            campaign.OpenIn(group.Id, now);
        }
        catch (InvalidOperationException ex)
        {
            return new PublishResult(PublishOutcome.Refused, ex.Message, [], 0);
        }

        var warnings = new List<string>();
        var queued = await QueuePreviewAsync(campaign, group, now, warnings, cancellationToken);
        return new PublishResult(queued ? PublishOutcome.Published : PublishOutcome.Refused, warnings.FirstOrDefault(), warnings, queued ? 1 : 0);
    }

    private async Task<bool> QueuePreviewAsync(Campaign campaign, Group group, DateTimeOffset now, List<string> warnings, CancellationToken cancellationToken)
    {
        if (GroupPosting.Unreachable(group, channels) is { } why)
        {
            warnings.Add(why);
            return false;
        }

        if (GroupPosting.Caution(group) is { } caution)
        {
            warnings.Add(caution);
        }

        var channel = channels.Find(group.Channel)!;
        var text = await templates.RenderAsync(Preview(campaign, channel.Capabilities), cancellationToken);
        db.OutboundMessages.Add(OutboundMessage.ToChat(group.Channel, group.ChatId, text, [], PreviewKey(campaign.Id, group.Id), now));
        campaign.MarkPreviewQueued(group.Id, now);
        return true;
    }

    private CampaignPreview Preview(Campaign campaign, ChannelCapabilities capabilities) => new(
        campaign.Title,
        [.. campaign.Items.OrderBy(i => i.ItemNo).Select(i => new PreviewItem(
            i.ItemNo,
            i.Name,
            ChineseFormat.Money(i.Price),
            i.ReferencePrice > i.Price ? ChineseFormat.Money(i.ReferencePrice) : null,
            i.ReferencePrice > i.Price ? ChineseFormat.Money(i.ReferencePrice - i.Price) : null,
            i.Stock))],
        ChineseFormat.DayAndTime(zone.ToLocal(campaign.ClosesAt)),
        ChineseFormat.DayAndTime(zone.ToLocal(campaign.PickupAt)),
        campaign.PickupPoint,
        capabilities.MentionRequired,
        bot.Name);
}
