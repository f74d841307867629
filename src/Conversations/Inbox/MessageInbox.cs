using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// The first stop of every inbound message: stored before the webhook is answered. The unique
/// (channel, message id) makes a redelivery a no-op, also when two deliveries race.
/// </summary>
public sealed class MessageInbox
{
    private readonly GroupBuyDbContext db;
    private readonly InboxSignal signal;

    public MessageInbox(GroupBuyDbContext db, InboxSignal signal)
    {
        this.db = db;
        this.signal = signal;
    }

    public async Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // Bridges and WeCom redeliver routinely; answering those from a read keeps the logs free of
        // failed inserts. The unique index still decides when two deliveries race.
        if (await db.InboundMessages.AnyAsync(m => m.Channel == message.Channel && m.MessageId == message.MessageId, cancellationToken))
        {
            return AcceptResult.Duplicate;
        }

        db.InboundMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(message).State = EntityState.Detached;
            return AcceptResult.Duplicate;
        }

        signal.Pulse();
        return AcceptResult.Stored;
    }
}
