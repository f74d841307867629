using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// A chat message as received, stored before the webhook is answered so that nothing we answered
/// 200 to is lost. (Channel, MessageId) is unique: a redelivery finds the row and stops there.
/// </summary>
public sealed class InboundMessage : IVersioned
{
    private InboundMessage()
    {
        Channel = MessageId = SenderId = SenderName = string.Empty;
    }

    public InboundMessage(
        string channel,
        string messageId,
        string? chatId,
        string senderId,
        string senderName,
        InboundMessageKind kind,
        string? text,
        string? imageUrl,
        string? quotedMessageId,
        IEnumerable<string> mentions,
        DateTimeOffset sentAt,
        DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        Channel = ChannelNames.EnsureKnown(channel, nameof(channel));
        MessageId = messageId;
        ChatId = string.IsNullOrWhiteSpace(chatId) ? null : chatId;
        SenderId = senderId;
        SenderName = senderName ?? string.Empty;
        Kind = kind;
        Text = text;
        ImageUrl = imageUrl;
        QuotedMessageId = quotedMessageId;
        Mentions = [.. mentions];
        SentAt = sentAt;
        ReceivedAt = receivedAt;
        NextAttemptAt = receivedAt;
        Status = InboundMessageStatus.Pending;
        ConversationKey = ChatId is null ? $"{channel}:user:{senderId}" : $"{channel}:chat:{ChatId}";
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    /// <summary>The channel's own id for the message; the dedup key together with the channel.</summary>
    public string MessageId { get; private set; }

    /// <summary>The group chat, or null for a private message.</summary>
    public string? ChatId { get; private set; }

    public string SenderId { get; private set; }

    public string SenderName { get; private set; }

    public InboundMessageKind Kind { get; private set; }

    public string? Text { get; private set; }

    public string? ImageUrl { get; private set; }

    public string? QuotedMessageId { get; private set; }

    /// <summary>
    /// A one-time address the channel gave for answering this message (WeCom's intelligent robot:
    /// usable once, for an hour). The first reply goes there; the rest through the group.
    /// </summary>
    public Uri? ReplyUrl { get; private set; }

    public List<string> Mentions { get; private set; } = [];

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>
    /// The chat, or the private conversation with the sender: messages with the same key are
    /// processed one at a time in arrival order (order chains depend on it).
    /// </summary>
    public string ConversationKey { get; private set; } = string.Empty;

    public InboundMessageStatus Status { get; private set; }

    /// <summary>Not processed before this time (back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public int Version { get; set; }

    public InboundMessage AnswerableAt(Uri? replyUrl)
    {
        ReplyUrl = replyUrl;
        return this;
    }

    public void MarkProcessed(DateTimeOffset now)
    {
        if (Status != InboundMessageStatus.Pending)
        {
            throw new InvalidOperationException($"Message {Channel}:{MessageId} is already {Status}.");
        }

        Status = InboundMessageStatus.Processed;
        ProcessedAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>
    /// Records a failed attempt (the reason names the error type, never the message text): retried
    /// at <paramref name="retryAt"/>, or set aside as failed when that is null.
    /// </summary>
    public void RecordFailure(string reason, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastError = reason.Length > 500 ? reason[..500] : reason;
        if (retryAt is null)
        {
            Status = InboundMessageStatus.Failed;
            ProcessedAt = now;
        }
        else
        {
            NextAttemptAt = retryAt.Value;
        }
    }
}
