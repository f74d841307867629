using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Outbox;

/// <summary>What ops do with the outbox, for <c>/api/outbox</c> and the console alike: see what is stuck, and send a failed message again.</summary>
internal static class OutboxDesk
{
    /// <summary>Messages in one status, newest first, at most 200.</summary>
    public static Task<List<OutboundMessage>> ListAsync(GroupBuyDbContext db, OutboundMessageStatus status, CancellationToken cancellationToken) =>
        db.OutboundMessages.AsNoTracking()
            .Where(m => m.Status == status)
            .OrderByDescending(m => m.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Puts a failed message back in the queue, with a fresh give-up time, once ops fixed the
    /// cause. The change is left for the caller to save.
    /// </summary>
    public static async Task<RetryResult> RequeueAsync(GroupBuyDbContext db, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = await db.OutboundMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return new RetryResult(RetryOutcome.NotFound, $"There is no outbound message {id}.", null);
        }

        try
        {
            message.Requeue(now);
        }
        catch (InvalidOperationException ex)
        {
            return new RetryResult(RetryOutcome.Refused, ex.Message, message);
        }

        return new RetryResult(RetryOutcome.Requeued, null, message);
    }
}
