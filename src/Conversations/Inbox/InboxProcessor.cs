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
/// <see cref="BatchSize"/> of them in one transaction, saving once per message. On PostgreSQL the
/// claim is a transaction-scoped advisory lock on the chat, so workers and hosts run different
/// chats in parallel, never one chat twice, and a worker that dies leaves nothing behind but an
/// unfinished transaction. One commit per batch is what makes a burst in one chat a short loop
/// instead of a queue of fsyncs.
/// </summary>
/// <remarks>
/// A message that fails takes its whole batch down with it, back to the one savepoint taken after
/// the claim (a savepoint per message would cost two round trips each, and failures are rare). Its
/// failure is recorded with a back-off while the chat is still claimed, and the batch runs again:
/// the messages before it are processed anew, and the chat stops at the failed one until its retry
/// is due.
/// </remarks>
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

    private const string Claimed = "claimed";

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
        while (true)
        {
            var batch = await ProcessBatchAsync(cancellationToken);
            if (batch != BatchOutcome.Failed)
            {
                return batch == BatchOutcome.Done;
            }

            // Every failure sets one message aside for later, so this ends within a batch's length.
        }
    }

    private async Task<BatchOutcome> ProcessBatchAsync(CancellationToken cancellationToken)
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
            return BatchOutcome.NoChat;
        }

        // One savepoint per batch, after the claim: a failure rolls back to it and keeps the chat
        // claimed while the failure is recorded, so no other worker takes the message before its
        // back-off is written.
        await transaction.CreateSavepointAsync(Claimed, cancellationToken);

        // Read once for the batch: nobody else changes the chat's messages while it is claimed.
        var pending = await db.InboundMessages
            .Where(m => m.ConversationKey == conversation && m.Status == InboundMessageStatus.Pending)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        Chat? chat = null;
        foreach (var message in pending)
        {
            var now = clock.GetUtcNow();
            if (message.NextAttemptAt > now)
            {
                // Backing off after a failure: the chat's later messages wait behind it.
                break;
            }

            try
            {
                chat ??= await ChatAsync(services, db, message, cancellationToken);
                await ProcessAsync(db, chat, message, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync(Claimed, CancellationToken.None);
                db.ChangeTracker.Clear();
                await RecordFailureAsync(db, message.Id, ex);
                await transaction.CommitAsync(CancellationToken.None);
                return BatchOutcome.Failed;
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        return BatchOutcome.Done;
    }

    private async Task ProcessAsync(GroupBuyDbContext db, Chat chat, InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The previous message cleared the tracker; the rows are as they were read for the batch,
        // or as the previous message saved them.
        db.Attach(message);
        if (chat.Group is { } group && db.Entry(group).State == EntityState.Detached)
        {
            db.Attach(group);
        }

        var context = new MessageContext(
            message, chat.Group, chat.Channel.Capabilities, ChatText.From(message.Text, chat.Bot.Name), chat.Bot, now, db, chat.Templates);
        var handled = await chat.Router.RouteAsync(context, cancellationToken);
        message.MarkProcessed(now);

        // No savepoint of EF's own around the save: a failure goes back to the batch's one. (Handlers
        // that save and retry inside, such as pick-list codes, keep theirs.)
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }

        // Each message reads the database afresh, as it would in a transaction of its own
        // (stock is taken by conditional UPDATEs that the tracked rows do not see).
        db.ChangeTracker.Clear();
        logger.LogDebug(
            "Processed {Channel} message {MessageId} of {Conversation} with {Handler}",
            message.Channel, message.MessageId, message.ConversationKey, handled?.GetType().Name ?? "no handler");
    }

    /// <summary>What every message of a batch shares: its chat's channel and registered group, and the means to answer.</summary>
    private static async Task<Chat> ChatAsync(IServiceProvider services, GroupBuyDbContext db, InboundMessage first, CancellationToken cancellationToken)
    {
        var channel = services.GetRequiredService<ChannelDirectory>().Find(first.Channel)
            ?? throw new InvalidOperationException($"No chat channel named '{first.Channel}' is set up on this host.");
        var group = first.ChatId is null
            ? null
            : await db.Groups.FirstOrDefaultAsync(g => g.Channel == first.Channel && g.ChatId == first.ChatId, cancellationToken);
        return new Chat(
            channel,
            group,
            services.GetRequiredService<BotIdentity>(),
            services.GetRequiredService<MessageTemplates>(),
            services.GetRequiredService<MessageRouter>());
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

    private async Task RecordFailureAsync(GroupBuyDbContext db, long id, Exception error)
    {
        var message = await db.InboundMessages.SingleAsync(m => m.Id == id, CancellationToken.None);
        var now = clock.GetUtcNow();
        var giveUp = message.Attempts + 1 >= settings.MaxAttempts;
        var retryAt = giveUp ? (DateTimeOffset?)null : now + Backoff.After(message.Attempts + 1);
        // The reason is the error's type and text of our own making; chat text never goes into it.
        message.RecordFailure($"{error.GetType().Name}: {error.Message}", now, retryAt);
        await db.SaveChangesAsync(CancellationToken.None);

        if (giveUp)
        {
            logger.LogError(error, "Gave up on {Channel} message {MessageId} of {Conversation} after {Attempts} attempts", message.Channel, message.MessageId, message.ConversationKey, message.Attempts);
        }
        else
        {
            logger.LogWarning(error, "Processing {Channel} message {MessageId} failed (attempt {Attempts}); retrying at {RetryAt}", message.Channel, message.MessageId, message.Attempts, retryAt);
        }
    }

    private enum BatchOutcome
    {
        NoChat,
        Done,
        Failed,
    }

    private sealed record Chat(IChatChannel Channel, Groups.Group? Group, BotIdentity Bot, MessageTemplates Templates, MessageRouter Router);
}
