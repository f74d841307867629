namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// WeCom refused the call for frequency (45009) or concurrency (45033). Nothing is retried here:
/// the caller (the outbox) waits at least <see cref="RetryAfter"/> and backs off further if it
/// keeps happening, since WeCom blocks for a minute, an hour or the rest of the day depending on
/// which window was exceeded and does not say which.
/// </summary>
internal sealed class WeComRateLimitedException : WeComApiException
{
    public WeComRateLimitedException(string api, int errorCode, string errorMessage, TimeSpan retryAfter)
        : base(api, errorCode, errorMessage)
    {
        RetryAfter = retryAfter;
    }

    public WeComRateLimitedException(string message)
        : base(message)
    {
    }

    public WeComRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WeComRateLimitedException()
    {
    }

    /// <summary>The least time to wait before calling this API again.</summary>
    public TimeSpan RetryAfter { get; }
}
