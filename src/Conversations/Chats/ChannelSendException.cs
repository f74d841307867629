namespace GroupBuy.Conversations.Chats;

/// <summary>
/// A message was not delivered. Transient failures are retried with back-off; permanent ones
/// (a channel that is not configured, a rejected target) mark the message failed at once.
/// </summary>
public sealed class ChannelSendException : Exception
{
    public ChannelSendException(string message, bool permanent = false, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Permanent = permanent;
        RetryAfter = retryAfter;
    }

    public ChannelSendException()
    {
    }

    public ChannelSendException(string message)
        : base(message)
    {
    }

    public ChannelSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Permanent { get; }

    /// <summary>How long the channel asked us to wait (rate limited), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
