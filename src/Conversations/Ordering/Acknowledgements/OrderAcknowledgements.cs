using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.Conversations.Ordering.Acknowledgements;

/// <summary>
/// Order acknowledgements, from the reply to the chat. Each changed order is noted in the chat's
/// open <see cref="AckBatch"/> (in the reply's own transaction); when the batch's few seconds of
/// collecting are up it is sent: each resident's order rendered as it stands then, one message per
/// batch. Batches are a <see cref="DueRowQueue{TRow}"/>; the message and the "sent" mark commit
/// together, and the outbox key (the batch id) keeps a retry from queueing it twice.
/// </summary>
public sealed class OrderAcknowledgements(IServiceScopeFactory scopes, TimeProvider clock, AckSettings settings)
{
    private const string NextOnPostgres = """
        SELECT id AS "Value" FROM ack_batches
        WHERE status = 'Open' AND due_at <= @now
        ORDER BY due_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private static readonly DueRowClaim<AckBatch> Claim = new(
        NextOnPostgres,
        (db, now) => db.Set<AckBatch>().Where(b => b.Status == AckBatchStatus.Open && b.DueAt <= now).OrderBy(b => b.DueAt).ThenBy(b => b.Id).Select(b => (long?)b.Id));

    private readonly DueRowQueue<AckBatch> queue = new(scopes, clock, Claim);

    /// <summary>Notes a resident's changed order in the chat's open batch (tracked, found or added), which is saved with the order in the caller's transaction.</summary>
    public async Task<AckBatch> NoteAsync(GroupBuyDbContext db, long campaignId, long groupId, long residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var batch = db.Set<AckBatch>().Local.FirstOrDefault(b => b.CampaignId == campaignId && b.GroupId == groupId && b.Status == AckBatchStatus.Open)
            ?? await db.Set<AckBatch>().FirstOrDefaultAsync(b => b.CampaignId == campaignId && b.GroupId == groupId && b.Status == AckBatchStatus.Open, cancellationToken);
        if (batch is null)
        {
            batch = new AckBatch(campaignId, groupId, now, settings.Delay);
            db.Add(batch);
        }

        batch.Note(residentId);

        // A flush running now may have read this resident's order as it was before the change:
        // writing the batch even when the resident is on it already makes this save conflict with
        // that flush (its version moved on) instead of slipping past it, so the reply is processed
        // again, into a new batch, and the change is acknowledged.
        var entry = db.Entry(batch);
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }

        return batch;
    }

    /// <summary>Sends one due acknowledgement; false when none is due.</summary>
    public Task<bool> FlushNextAsync(CancellationToken cancellationToken) => queue.WorkNextAsync(FlushAsync, cancellationToken);

    private static async Task FlushAsync(DueRow<AckBatch> due, CancellationToken cancellationToken)
    {
        var (batch, db, services, now) = due;
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Items).SingleAsync(c => c.Id == batch.CampaignId, cancellationToken);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == batch.GroupId, cancellationToken);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.CampaignId == batch.CampaignId && o.GroupId == batch.GroupId && batch.ResidentIds.Contains(o.ResidentId))
            .ToDictionaryAsync(o => o.ResidentId, cancellationToken);
        var residents = await db.Residents.AsNoTracking().Where(r => batch.ResidentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var coupons = await CouponNotes.ForAsync(db, orders.Values, now, cancellationToken);
        var entries = batch.ResidentIds
            .Where(r => orders.ContainsKey(r) && residents.ContainsKey(r))
            .Select(r => Entry(residents[r].DisplayName, orders[r], campaign, coupons.GetValueOrDefault(r)))
            .ToList();

        if (entries.Count > 0)
        {
            var zone = services.GetRequiredService<BusinessTimeZone>();
            var text = await services.GetRequiredService<MessageTemplates>().RenderAsync(
                new OrderAckMessage(campaign.Title, entries, ChineseFormat.DayAndTime(zone.ToLocal(campaign.ClosesAt))), cancellationToken);
            var mentions = batch.ResidentIds.Where(residents.ContainsKey).Select(r => residents[r].UserId).ToList();
            db.OutboundMessages.Add(OutboundMessage.ToChat(group.Channel, group.ChatId, text, mentions, $"ack:{batch.Id}", now));
        }

        batch.MarkSent(now);
    }

    private static OrderAckEntry Entry(string name, Order order, Campaign campaign, OrderAckCoupon? coupon) =>
        new(name, OrderLineText.Of(order, campaign), ChineseFormat.Money(order.Total), order.Status == OrderStatus.Cancelled, order.Status == OrderStatus.Cancelled ? null : coupon);
}
