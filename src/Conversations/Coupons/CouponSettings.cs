using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Time;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Coupons;

/// <summary>
/// <c>Coupons:ValidDays</c> (default 7, 1–90): a coupon can be used on the business day it is
/// issued and the days after it, this many days in all, until midnight ends the last one. Whole
/// days, so the message can say "12月7日前有效" and mean it.
/// </summary>
public sealed record CouponSettings(int ValidDays)
{
    public const string ValidDaysKey = "Coupons:ValidDays";

    public static CouponSettings FromConfiguration(IConfiguration configuration) =>
        new(InboxSettings.Read(configuration, ValidDaysKey, 7, 1, 90));

    /// <summary>When a coupon issued at <paramref name="issuedAt"/> stops being usable.</summary>
    public DateTimeOffset ExpiryFor(DateTimeOffset issuedAt, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.StartOf(zone.DayOf(issuedAt).AddDays(ValidDays));
    }

    /// <summary>The last business day a coupon expiring at <paramref name="expiresAt"/> can be used.</summary>
    public static DateOnly LastDay(DateTimeOffset expiresAt, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.DayOf(expiresAt.AddTicks(-1));
    }
}
