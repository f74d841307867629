using System.Globalization;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// At most one marketing message per resident per business day: every marketing message carries
/// this outbox idempotency key for the day it is sent on, and the key is unique, so a second one
/// that day (another treatment, a retried job, a second host) cannot be queued.
/// </summary>
public static class MarketingCap
{
    public static string Key(long residentId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"marketing:{residentId}:{day:yyyyMMdd}");
}
