using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// The first stop of every inbound message: stored before the webhook is answered. The unique
/// (channel, message id) makes a redelivery a no-op, also when two deliveries race. On PostgreSQL
/// this is the whole of a webhook's database work: one INSERT … ON CONFLICT DO NOTHING, which
/// says by the row it returns (or not) whether the message is new.
/// </summary>
public sealed class MessageInbox
{
    private const string InsertOnPostgres = """
        INSERT INTO inbound_messages
            (channel, message_id, chat_id, sender_id, sender_name, kind, text, image_url, quoted_message_id, reply_url,
             mentions, sent_at, received_at, conversation_key, status, next_attempt_at, attempts, version)
        VALUES (@channel, @message_id, @chat_id, @sender_id, @sender_name, @kind, @text, @image_url, @quoted_message_id, @reply_url,
             @mentions, @sent_at, @received_at, @conversation_key, 'Pending', @received_at, 0, 0)
        ON CONFLICT (channel, message_id) DO NOTHING
        RETURNING id AS "Value"
        """;

    private readonly GroupBuyDbContext db;
    private readonly InboxSignal signal;

    public MessageInbox(GroupBuyDbContext db, InboxSignal signal)
    {
        this.db = db;
        this.signal = signal;
    }

    public async Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var stored = db.Provider == StorageProvider.Postgres
            ? await InsertOnPostgresAsync(message, cancellationToken)
            : await InsertWithEfAsync(message, cancellationToken);
        if (!stored)
        {
            return AcceptResult.Duplicate;
        }

        signal.Pulse();
        return AcceptResult.Stored;
    }

    private async Task<bool> InsertOnPostgresAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQueryRaw<long>(
                InsertOnPostgres,
                new NpgsqlParameter("channel", message.Channel),
                new NpgsqlParameter("message_id", message.MessageId),
                Nullable("chat_id", message.ChatId),
                new NpgsqlParameter("sender_id", message.SenderId),
                new NpgsqlParameter("sender_name", message.SenderName),
                new NpgsqlParameter("kind", message.Kind.ToString()),
                Nullable("text", message.Text),
                Nullable("image_url", message.ImageUrl),
                Nullable("quoted_message_id", message.QuotedMessageId),
                Nullable("reply_url", message.ReplyUrl?.ToString()),
                new NpgsqlParameter("mentions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = message.Mentions.ToArray() },
                new NpgsqlParameter("sent_at", message.SentAt.ToUniversalTime()),
                new NpgsqlParameter("received_at", message.ReceivedAt.ToUniversalTime()),
                new NpgsqlParameter("conversation_key", message.ConversationKey))
            .ToListAsync(cancellationToken);
        return ids.Count == 1;
    }

    /// <summary>SQLite, the one-host default: a read answers routine redeliveries, the unique index settles races.</summary>
    private async Task<bool> InsertWithEfAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // Answering redeliveries from a read keeps the logs free of failed inserts.
        if (await db.InboundMessages.AnyAsync(m => m.Channel == message.Channel && m.MessageId == message.MessageId, cancellationToken))
        {
            return false;
        }

        db.InboundMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    private static NpgsqlParameter Nullable(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
