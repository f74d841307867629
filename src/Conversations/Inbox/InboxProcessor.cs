using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// Processes stored messages: the oldest pending message of a conversation whose earlier messages
/// are all done, one transaction each (its effects, its replies and its "processed" mark commit
/// together). On PostgreSQL the message row is claimed with FOR UPDATE SKIP LOCKED, so several
/// workers and hosts share the queue while each chat stays in order; a worker that dies leaves
/// the row pending for the next.
/// </summary>
public sealed class InboxProcessor
{
    private const string NextOnPostgres = """
        SELECT m.id AS "Value" FROM inbound_messages m
        WHERE m.status = 'Pending' AND m.next_attempt_at <= @now
          AND NOT EXISTS (SELECT 1 FROM inbound_messages e
                          WHERE e.conversation_key = m.conversation_key AND e.status = 'Pending' AND e.id < m.id)
        ORDER BY m.id
        LIMIT 1
        FOR UPDATE OF m SKIP LOCKED
        """;

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

    /// <summary>Processes one message; false when none is due.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();

        // Everything a message does (stock taken, orders, replies, the "processed" mark) commits or
        // rolls back together, on both providers.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await NextIdAsync(db, now, cancellationToken);
        if (id is null)
        {
            return false;
        }

        // The row stays claimed until the failure is recorded: released earlier, another worker
        // could take the message while this one is still writing down why it failed.
        await transaction.CreateSavepointAsync(Claimed, cancellationToken);

        var message = await db.InboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            var handled = await RouteAsync(services, db, message, now, cancellationToken);
            message.MarkProcessed(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation(
                "Processed {Channel} message {MessageId} of {Conversation} with {Handler}",
                message.Channel, message.MessageId, message.ConversationKey, handled?.GetType().Name ?? "no handler");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync(Claimed, CancellationToken.None);
            db.ChangeTracker.Clear();
            await RecordFailureAsync(db, id.Value, ex);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return true;
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

    private static Task<long?> NextIdAsync(GroupBuyDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        SkipLockedClaim.NextIdAsync(
            db,
            NextOnPostgres,
            db.InboundMessages
                .Where(m => m.Status == InboundMessageStatus.Pending && m.NextAttemptAt <= now)
                .Where(m => !db.InboundMessages.Any(e => e.ConversationKey == m.ConversationKey && e.Status == InboundMessageStatus.Pending && e.Id < m.Id))
                .OrderBy(m => m.Id)
                .Select(m => (long?)m.Id),
            now,
            cancellationToken);

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
}
