using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Leaders;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.Reminders;

/// <summary>
/// Pickup reminders after 到货. The plan is written with the arrival; the reminder job sends each
/// step when due, to the residents whose goods are still waiting at that moment, so whoever picked
/// up is never reminded. A resident's reminder is keyed by (campaign, resident, step) and a
/// group's by (campaign, group, step, part), and keys already in the outbox are skipped, so a
/// retried or doubled job sends nothing twice. Reminders are a <see cref="DueRowQueue{TRow}"/>, so
/// several hosts share the work.
/// </summary>
public sealed class PickupReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PickupReminders> logger)
{
    private const string NextOnPostgres = """
        SELECT id AS "Value" FROM pickup_reminders
        WHERE sent_at IS NULL AND due_at <= @now
        ORDER BY due_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private static readonly DueRowClaim<PickupReminder> Claim = new(
        NextOnPostgres,
        (db, now) => db.Set<PickupReminder>().Where(r => r.SentAt == null && r.DueAt <= now).OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => (long?)r.Id));

    private readonly DueRowQueue<PickupReminder> queue = new(scopes, clock, Claim);

    /// <summary>Plans the steps for goods that arrived in a group; saved with the caller's arrival.</summary>
    public static void Plan(GroupBuyDbContext db, long campaignId, long groupId, DateTimeOffset arrivedAt, ReminderSettings settings, BusinessTimeZone zone)
    {
        foreach (var (step, dueAt) in PickupReminderPlan.For(arrivedAt, settings, zone))
        {
            db.Add(new PickupReminder(campaignId, groupId, step, dueAt));
        }
    }

    /// <summary>Sends every step that is due; returns how many were sent.</summary>
    public Task<int> SendDueAsync(CancellationToken cancellationToken) => queue.WorkAllDueAsync(SendAsync, cancellationToken);

    /// <summary>Sends one due step; false when none is due.</summary>
    public Task<bool> SendNextAsync(CancellationToken cancellationToken) => queue.WorkNextAsync(SendAsync, cancellationToken);

    private async Task SendAsync(DueRow<PickupReminder> due, CancellationToken cancellationToken)
    {
        var (reminder, db, services, now) = due;
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == reminder.GroupId, cancellationToken);
        var channel = services.GetRequiredService<ChannelDirectory>().Find(group.Channel);
        if (group.DismissedAt is not null || channel is null)
        {
            logger.LogWarning("Pickup reminder {Step} for campaign {Campaign} not sent: chat {Chat} is dismissed or its channel is not set up here", reminder.Step, reminder.CampaignId, group.ChatId);
        }
        else
        {
            var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Items).Include(c => c.Chats).SingleAsync(c => c.Id == reminder.CampaignId, cancellationToken);
            var waiting = (await GroupOrders.WithGoodsAsync(db, campaign.Id, group.Id, cancellationToken)).Where(o => o.Order.AwaitsPickup).ToList();
            var messages = await MessagesAsync(services.GetRequiredService<MessageTemplates>(), reminder, campaign, group, channel.Capabilities, waiting, now, cancellationToken);
            var keys = messages.Select(m => m.IdempotencyKey).ToList();
            var queued = (await db.OutboundMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            db.OutboundMessages.AddRange(messages.Where(m => !queued.Contains(m.IdempotencyKey)));
            logger.LogInformation(
                "Pickup reminder {Step} for campaign {Campaign} in chat {Chat}: {Waiting} still waiting, {Messages} message(s)",
                reminder.Step, campaign.Id, group.ChatId, waiting.Count, messages.Count - queued.Count);
        }

        reminder.MarkSent(now);
    }

    private static async Task<List<OutboundMessage>> MessagesAsync(
        MessageTemplates templates,
        PickupReminder reminder,
        Campaign campaign,
        Group group,
        ChannelCapabilities capabilities,
        IReadOnlyList<ResidentOrder> waiting,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var messages = new List<OutboundMessage>();
        var key = $"pickup-reminder:{campaign.Id}";
        if (waiting.Count == 0)
        {
            return messages;
        }

        if (reminder.Step == PickupReminderStep.LeaderOverdue)
        {
            var entries = waiting.Select(o => Entry(o, campaign)).ToList();
            var arrivedAt = campaign.ChatOf(group.Id)?.ArrivedAt ?? reminder.DueAt;
            var hours = (int)Math.Round((reminder.DueAt - arrivedAt).TotalHours);
            var text = await templates.RenderAsync(new PickupOverdueMessage(group.LeaderName, campaign.Title, Math.Max(hours, 1), entries), cancellationToken);
            messages.Add(OutboundMessage.ToPerson(
                group.Channel, group.LeaderId, capabilities.HasPrivateChat ? null : group.ChatId, text, $"{key}:{group.Id}:{reminder.Step}", now));
            return messages;
        }

        var again = reminder.Step == PickupReminderStep.NextMorning;
        if (capabilities.HasPrivateChat)
        {
            foreach (var order in waiting)
            {
                var text = await templates.RenderAsync(
                    new PrivatePickupReminderMessage(order.Name, campaign.Title, campaign.PickupPoint, order.Order.PickupCode, OrderLineText.Of(order.Order, campaign), again),
                    cancellationToken);
                messages.Add(OutboundMessage.ToUser(group.Channel, order.UserId, text, $"{key}:resident:{order.Order.ResidentId}:{reminder.Step}", now));
            }

            return messages;
        }

        var part = 0;
        foreach (var batch in GroupOrders.InMentionBatches(waiting, capabilities.MaxMentionsPerMessage))
        {
            var text = await templates.RenderAsync(new PickupReminderMessage(campaign.Title, campaign.PickupPoint, [.. batch.Select(o => Entry(o, campaign))]), cancellationToken);
            messages.Add(OutboundMessage.ToChat(group.Channel, group.ChatId, text, [.. batch.Select(o => o.UserId)], $"{key}:{group.Id}:{reminder.Step}:{++part}", now));
        }

        return messages;
    }

    private static PickupEntry Entry(ResidentOrder order, Campaign campaign) => new(order.Name, order.Order.PickupCode, OrderLineText.Of(order.Order, campaign));
}
