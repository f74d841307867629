using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Outbox;

/// <summary>
/// A message the bot will send, written in the same transaction as the change that caused it and
/// sent after commit. The idempotency key is unique, so a retried handler or job cannot queue the
/// same message twice, and the channel sees the same key on every delivery attempt.
/// </summary>
public sealed class OutboundMessage : IVersioned
{
    private OutboundMessage()
    {
        Channel = Text = IdempotencyKey = string.Empty;
    }

    private OutboundMessage(string channel, string? chatId, string? toUserId, string text, IEnumerable<string> mentions, string idempotencyKey, DateTimeOffset createdAt, DateTimeOffset? dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        Channel = ChannelNames.EnsureKnown(channel, nameof(channel));
        ChatId = chatId;
        ToUserId = toUserId;
        Text = text;
        Mentions = [.. mentions];
        IdempotencyKey = idempotencyKey;
        CreatedAt = createdAt;
        DueAt = dueAt ?? createdAt;

        // A message held back (quiet hours) joins the queue when it becomes due, so the give-up
        // time counts from then, not from the evening it was written.
        QueuedAt = DueAt;
        Status = OutboundMessageStatus.Pending;
        TargetKey = chatId is null ? $"{channel}:user:{toUserId}" : $"{channel}:chat:{chatId}";
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    /// <summary>The group chat to post into; null for a private message.</summary>
    public string? ChatId { get; private set; }

    /// <summary>The person to message privately; null for a group message.</summary>
    public string? ToUserId { get; private set; }

    public string Text { get; private set; }

    /// <summary>User ids to @-mention.</summary>
    public List<string> Mentions { get; private set; } = [];

    public string IdempotencyKey { get; private set; }

    /// <summary>Where the channel asked for this answer to go (see <see cref="Inbox.InboundMessage.ReplyUrl"/>); null for ordinary posts.</summary>
    public Uri? ReplyUrl { get; private set; }

    /// <summary>The chat or person: messages to one target leave one at a time, oldest first, within its rate limit.</summary>
    public string TargetKey { get; private set; } = string.Empty;

    public OutboundMessageStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last entered the queue (written, or put back by ops); the give-up time counts from here.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>Not sent before this time (quiet hours, retry back-off).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public int Version { get; set; }

    public static OutboundMessage ToChat(string channel, string chatId, string text, IEnumerable<string> mentions, string idempotencyKey, DateTimeOffset now, DateTimeOffset? dueAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return new OutboundMessage(channel, chatId, null, text, mentions, idempotencyKey, now, dueAt);
    }

    /// <summary>Sends this answer through the one-time address the channel gave with the question.</summary>
    public OutboundMessage Via(Uri? replyUrl)
    {
        ReplyUrl = replyUrl;
        return this;
    }

    public static OutboundMessage ToUser(string channel, string userId, string text, string idempotencyKey, DateTimeOffset now, DateTimeOffset? dueAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new OutboundMessage(channel, null, userId, text, [], idempotencyKey, now, dueAt);
    }

    /// <summary>
    /// To one person: privately when <paramref name="chatId"/> is null, else in that group with
    /// them @-mentioned (a channel without private chats, or a conversation held in a group).
    /// </summary>
    public static OutboundMessage ToPerson(string channel, string userId, string? chatId, string text, string idempotencyKey, DateTimeOffset now) =>
        chatId is null
            ? ToUser(channel, userId, text, idempotencyKey, now)
            : ToChat(channel, chatId, text, [userId], idempotencyKey, now);

    public void MarkSent(DateTimeOffset now)
    {
        if (Status == OutboundMessageStatus.Sent)
        {
            return;
        }

        Status = OutboundMessageStatus.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Ops put a failed message back in the queue (the channel is fixed, the target exists again).</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != OutboundMessageStatus.Failed)
        {
            throw new InvalidOperationException($"Only a failed message can be sent again; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = OutboundMessageStatus.Pending;
        DueAt = now;
        QueuedAt = now;
    }

    /// <summary>Holds the message back without counting an attempt (the target's rate limit is reached).</summary>
    public void Postpone(DateTimeOffset until)
    {
        if (until > DueAt)
        {
            DueAt = until;
        }
    }

    /// <summary>Records a failed attempt; retries at <paramref name="retryAt"/>, or gives up when it is null.</summary>
    public void RecordFailure(string reason, DateTimeOffset? retryAt)
    {
        if (Status == OutboundMessageStatus.Sent)
        {
            throw new InvalidOperationException("A sent message cannot fail afterwards.");
        }

        Attempts++;
        LastError = reason.Length > 500 ? reason[..500] : reason;
        if (retryAt is null)
        {
            Status = OutboundMessageStatus.Failed;
        }
        else
        {
            DueAt = retryAt.Value;
        }
    }
}
