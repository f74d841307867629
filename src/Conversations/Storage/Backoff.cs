namespace GroupBuy.Conversations.Storage;

/// <summary>Exponential back-off with jitter for retried messages: 2 s, 4 s, 8 s … capped at 5 minutes.</summary>
public static class Backoff
{
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    public static TimeSpan After(int attempts)
    {
        var seconds = Math.Min(Cap.TotalSeconds, Math.Pow(2, Math.Clamp(attempts, 1, 20)));
        // Up to 20% jitter, so retries from a burst do not all come back at the same moment.
        var jitter = seconds * 0.2 * Random.Shared.NextDouble();
        return TimeSpan.FromSeconds(Math.Min(Cap.TotalSeconds, seconds + jitter));
    }
}
