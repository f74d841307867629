using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.Outbox;

/// <summary>
/// Sends outbox rows through their channel: each target's messages in the order they were written, one at a time,
/// within the channel's rate limit; failures retried with back-off until the give-up time, then
/// marked failed for ops. The outbox is a <see cref="DueRowQueue{TRow}"/>: the row stays claimed for
/// the length of the send, so hosts share the work and never send one row twice; a host that dies
/// mid-send leaves the row pending, and the resend carries the same idempotency key.
/// </summary>
public sealed class OutboxDispatcher
{
    // A target's messages go out in order: a message waits while an older one to the same target
    // is still to go out, also when that one waits for its retry (a bridge down, WeCom's frequency
    // limit) or for the target's rate limit. Only messages held for a later time from the start
    // (quiet hours, a reminder for tomorrow) let newer ones pass: QueuedAt is still ahead for them.
    private const string NextOnPostgres = """
        SELECT m.id AS "Value" FROM outbound_messages m
        WHERE m.status = 'Pending' AND m.due_at <= @now
          AND NOT EXISTS (SELECT 1 FROM outbound_messages e
                          WHERE e.target_key = m.target_key AND e.status = 'Pending' AND e.queued_at <= @now AND e.id < m.id)
        ORDER BY m.due_at, m.id
        LIMIT 1
        FOR UPDATE OF m SKIP LOCKED
        """;

    private static readonly DueRowClaim<OutboundMessage> Claim = new(
        NextOnPostgres,
        (db, now) => db.OutboundMessages
            .Where(m => m.Status == OutboundMessageStatus.Pending && m.DueAt <= now)
            .Where(m => !db.OutboundMessages.Any(e => e.TargetKey == m.TargetKey && e.Status == OutboundMessageStatus.Pending && e.QueuedAt <= now && e.Id < m.Id))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Select(m => (long?)m.Id));

    private readonly DueRowQueue<OutboundMessage> queue;
    private readonly TimeProvider clock;
    private readonly OutboxSettings settings;
    private readonly ILogger<OutboxDispatcher> logger;

    public OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, OutboxSettings settings, ILogger<OutboxDispatcher> logger)
    {
        queue = new DueRowQueue<OutboundMessage>(scopes, clock, Claim);
        this.clock = clock;
        this.settings = settings;
        this.logger = logger;
    }

    /// <summary>Sends (or reschedules) one message; false when none is due.</summary>
    public Task<bool> DispatchNextAsync(CancellationToken cancellationToken) => queue.WorkNextAsync(DispatchAsync, cancellationToken);

    private async Task DispatchAsync(DueRow<OutboundMessage> due, CancellationToken cancellationToken)
    {
        var message = due.Row;
        var channel = due.Services.GetRequiredService<ChannelDirectory>().Find(message.Channel);
        if (channel is null)
        {
            message.RecordFailure($"No chat channel named '{message.Channel}' is set up on this host.", retryAt: null);
            logger.LogError("Outbound message {Id} is for channel {Channel}, which this host does not have", message.Id, message.Channel);
        }
        else if (await FreeAtAsync(due.Db, message, channel.Capabilities.RateLimit, due.Now, cancellationToken) is { } freeAt)
        {
            message.Postpone(freeAt);
        }
        else
        {
            await SendAsync(channel, message, due.Now, cancellationToken);
        }
    }

    private async Task SendAsync(IChatChannel channel, OutboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await channel.SendAsync(message, cancellationToken);
            message.MarkSent(clock.GetUtcNow());
            logger.LogDebug("Sent outbound message {Id} to {Target} (attempt {Attempts})", message.Id, message.TargetKey, message.Attempts);
        }
        catch (ChannelSendException ex)
        {
            var giveUp = ex.Permanent || now - message.QueuedAt >= settings.GiveUpAfter;
            var retryAt = giveUp ? (DateTimeOffset?)null : now + Max(ex.RetryAfter ?? TimeSpan.Zero, Backoff.After(message.Attempts + 1));
            message.RecordFailure(ex.Message, retryAt);
            if (giveUp)
            {
                logger.LogError("Gave up on outbound message {Id} to {Target} after {Attempts} attempts: {Reason}", message.Id, message.TargetKey, message.Attempts, ex.Message);
            }
            else
            {
                logger.LogWarning("Sending outbound message {Id} to {Target} failed (attempt {Attempts}): {Reason}; retrying at {RetryAt}", message.Id, message.TargetKey, message.Attempts, ex.Message, retryAt);
            }
        }
    }

    /// <summary>When the target may be sent to again, or null when it may be now.</summary>
    private static async Task<DateTimeOffset?> FreeAtAsync(GroupBuyDbContext db, OutboundMessage message, SendRateLimit? limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (limit is null)
        {
            return null;
        }

        var since = now - limit.Window;
        var recent = await db.OutboundMessages
            .Where(m => m.TargetKey == message.TargetKey && m.Status == OutboundMessageStatus.Sent && m.SentAt > since)
            .Select(m => m.SentAt!.Value)
            .ToListAsync(cancellationToken);
        if (recent.Count < limit.Messages)
        {
            return null;
        }

        // The window frees up when the oldest send that still counts leaves it.
        recent.Sort();
        return recent[recent.Count - limit.Messages] + limit.Window;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
