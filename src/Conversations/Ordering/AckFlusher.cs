using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Sends due acknowledgements: renders each resident's order as it stands now and queues one
/// message per batch. The batch row is claimed with FOR UPDATE SKIP LOCKED on PostgreSQL; the
/// message and the "sent" mark commit together, and the outbox key (the batch id) keeps a retry
/// from queueing it twice.
/// </summary>
public sealed class AckFlusher(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const string NextOnPostgres = """
        SELECT id AS "Value" FROM ack_batches
        WHERE status = 'Open' AND due_at <= @now
        ORDER BY due_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Sends one due acknowledgement; false when none is due.</summary>
    public async Task<bool> FlushNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = db.Provider == StorageProvider.Postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var id = await SkipLockedClaim.NextIdAsync(
            db,
            NextOnPostgres,
            db.Set<AckBatch>().Where(b => b.Status == AckBatchStatus.Open && b.DueAt <= now).OrderBy(b => b.DueAt).Select(b => (long?)b.Id),
            now,
            cancellationToken);
        if (id is null)
        {
            return false;
        }

        var batch = await db.Set<AckBatch>().SingleAsync(b => b.Id == id, cancellationToken);
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
        await db.SaveChangesAsync(CancellationToken.None);
        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return true;
    }

    private static OrderAckEntry Entry(string name, Order order, Campaign campaign, OrderAckCoupon? coupon) =>
        new(name, OrderLineText.Of(order, campaign), ChineseFormat.Money(order.Total), order.Status == OrderStatus.Cancelled, order.Status == OrderStatus.Cancelled ? null : coupon);
}
