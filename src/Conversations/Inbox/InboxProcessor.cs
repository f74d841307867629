using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// Processes stored messages a conversation at a time: a worker claims one chat whose oldest
/// pending message is due and works through that chat's pending messages in arrival order, up to
/// <see cref="BatchSize"/> of them in one transaction (each behind a savepoint, so a message that
/// fails is rolled back alone, recorded, and stops the batch: the chat waits for its retry). On
/// PostgreSQL the claim is a transaction-scoped advisory lock on the chat, so workers and hosts
/// run different chats in parallel, never one chat twice, and a worker that dies leaves nothing
/// behind but an unfinished transaction. One commit per batch is what makes a burst in one chat
/// a short loop instead of a queue of fsyncs.
/// </summary>
public sealed class InboxProcessor
{
    /// <summary>Messages of one chat committed together; small enough that a batch holds the chat only briefly.</summary>
    public const int BatchSize = 32;

    // The chats whose oldest pending message is due, oldest first; a few, so a worker that loses
    // the race for one tries the next instead of scanning again.
    private const string CandidatesOnPostgres = """
        SELECT f.conversation_key AS "Value" FROM (
            SELECT DISTINCT ON (conversation_key) conversation_key, id, next_attempt_at
            FROM inbound_messages
            WHERE status = 'Pending'
            ORDER BY conversation_key, id) f
        WHERE f.next_attempt_at <= @now
        ORDER BY f.id
        LIMIT 8
        """;

    // Advisory locks share one key space per database; the first key says "an inbox chat".
    private const int ChatLockSpace = 0x6762_0001;

    private const string Message = "message";

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly InboxSettings settings;
    private readonly ILogger<InboxProcessor> logger;

    public InboxProcessor(IServiceScopeFactory scopes, TimeProvider clock, InboxSettings settings, ILogger<InboxProcessor> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.settings = settings;
        this.logger = logger;
    }

    /// <summary>Processes the due messages of one chat; false when no chat has any.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GroupBuyDbContext>();

        // Everything a message does (stock taken, orders, replies, the "processed" mark) commits or
        // rolls back together, on both providers; a batch's messages commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await ClaimAsync(db, clock.GetUtcNow(), cancellationToken);
        if (conversation is null)
        {
            return false;
        }

        // Read once for the batch: nobody else changes the chat's messages while it is claimed.
        var pending = await db.InboundMessages
            .Where(m => m.ConversationKey == conversation && m.Status == InboundMessageStatus.Pending)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            var now = clock.GetUtcNow();
            if (!await ProcessAsync(services, db, transaction, message, now, cancellationToken))
            {
                break;
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>One message behind its savepoint; false when the chat must stop here (not due yet, or failed).</summary>
    private async Task<bool> ProcessAsync(
        IServiceProvider services, GroupBuyDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The previous message cleared the tracker; the row is as it was read for the batch.
        if (db.Entry(message).State == EntityState.Detached)
        {
            db.Attach(message);
        }

        if (message.NextAttemptAt > now)
        {
            // Backing off after a failure: the chat's later messages wait behind it.
            return false;
        }

        // The chat stays claimed until the failure is recorded: released earlier, another worker
        // could take the message while this one is still writing down why it failed.
        await transaction.CreateSavepointAsync(Message, cancellationToken);
        try
        {
            var handled = await RouteAsync(services, db, message, now, cancellationToken);
            message.MarkProcessed(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.ReleaseSavepointAsync(Message, cancellationToken);

            // Each message reads the database afresh, as it would in a transaction of its own
            // (stock is taken by conditional UPDATEs that the tracked rows do not see).
            db.ChangeTracker.Clear();
            logger.LogDebug(
                "Processed {Channel} message {MessageId} of {Conversation} with {Handler}",
                message.Channel, message.MessageId, message.ConversationKey, handled?.GetType().Name ?? "no handler");
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync(Message, CancellationToken.None);
            db.ChangeTracker.Clear();
            await RecordFailureAsync(db, message.Id, ex);
            return false;
        }
    }

    /// <summary>The chat this worker now has to itself, or null when no chat has a due message.</summary>
    private static async Task<string?> ClaimAsync(GroupBuyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Provider != StorageProvider.Postgres)
        {
            // SQLite serves one host, whose single worker has the inbox to itself.
            return await db.InboundMessages
                .Where(m => m.Status == InboundMessageStatus.Pending && m.NextAttemptAt <= now)
                .Where(m => !db.InboundMessages.Any(e => e.ConversationKey == m.ConversationKey && e.Status == InboundMessageStatus.Pending && e.Id < m.Id))
                .OrderBy(m => m.Id)
                .Select(m => m.ConversationKey)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var candidates = await db.Database
            .SqlQueryRaw<string>(CandidatesOnPostgres, new Npgsql.NpgsqlParameter("now", now.ToUniversalTime()))
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            // Held until this transaction ends; a chat another worker holds is passed by.
            var claimed = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ChatLockSpace}, hashtext({candidate})) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (claimed)
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<IMessageHandler?> RouteAsync(IServiceProvider services, GroupBuyDbContext db, InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channel = services.GetRequiredService<ChannelDirectory>().Find(message.Channel)
            ?? throw new InvalidOperationException($"No chat channel named '{message.Channel}' is set up on this host.");
        var group = message.ChatId is null
            ? null
            : await db.Groups.FirstOrDefaultAsync(g => g.Channel == message.Channel && g.ChatId == message.ChatId, cancellationToken);
        var bot = services.GetRequiredService<BotIdentity>();
        var context = new MessageContext(
            message, group, channel.Capabilities, ChatText.From(message.Text, bot.Name), bot, now, db, services.GetRequiredService<MessageTemplates>());
        return await services.GetRequiredService<MessageRouter>().RouteAsync(context, cancellationToken);
    }

    private async Task RecordFailureAsync(GroupBuyDbContext db, long id, Exception error)
    {
        var message = await db.InboundMessages.SingleAsync(m => m.Id == id, CancellationToken.None);
        var now = clock.GetUtcNow();
        var giveUp = message.Attempts + 1 >= settings.MaxAttempts;
        var retryAt = giveUp ? (DateTimeOffset?)null : now + Backoff.After(message.Attempts + 1);
        // The reason is the error's type and text of our own making; chat text never goes into it.
        message.RecordFailure($"{error.GetType().Name}: {error.Message}", now, retryAt);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();

        if (giveUp)
        {
            logger.LogError(error, "Gave up on {Channel} message {MessageId} of {Conversation} after {Attempts} attempts", message.Channel, message.MessageId, message.ConversationKey, message.Attempts);
        }
        else
        {
            logger.LogWarning(error, "Processing {Channel} message {MessageId} failed (attempt {Attempts}); retrying at {RetryAt}", message.Channel, message.MessageId, message.Attempts, retryAt);
        }
    }
}
