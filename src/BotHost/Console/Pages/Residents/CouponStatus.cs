using System.Linq.Expressions;
using GroupBuy.Conversations.Coupons;

namespace GroupBuy.BotHost.Console.Pages.Residents;

/// <summary>
/// Where a coupon stands as ops see it: 可用 (not used, not expired), 已使用 (taken by an order; an
/// order that is cancelled or drops below the threshold gives it back), or 已过期 (never used).
/// </summary>
public enum CouponStatus
{
    Usable = 0,
    Used = 1,
    Expired = 2,
}

public static class CouponStatuses
{
    public static IReadOnlyList<CouponStatus> All { get; } = [CouponStatus.Usable, CouponStatus.Used, CouponStatus.Expired];

    public static CouponStatus Of(Coupon coupon, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        return coupon.UsedAt is not null ? CouponStatus.Used : coupon.ExpiresAt > now ? CouponStatus.Usable : CouponStatus.Expired;
    }

    /// <summary>The same test for a database query; it must agree with <see cref="Of"/>.</summary>
    public static Expression<Func<Coupon, bool>> Is(CouponStatus status, DateTimeOffset now) => status switch
    {
        CouponStatus.Used => c => c.UsedAt != null,
        CouponStatus.Usable => c => c.UsedAt == null && c.ExpiresAt > now,
        _ => c => c.UsedAt == null && c.ExpiresAt <= now,
    };

    public static string Chinese(CouponStatus status) => status switch
    {
        CouponStatus.Usable => "可用",
        CouponStatus.Used => "已使用",
        _ => "已过期",
    };

    /// <summary>usable, used, expired: the code in a console address.</summary>
    public static string Code(CouponStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out CouponStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Why it was given, as ops say it.</summary>
    public static string Purpose(CouponPurpose purpose) => purpose switch
    {
        CouponPurpose.WinBack => "沉睡用户回归券",
        CouponPurpose.Recommendation => "活跃用户推荐券",
        CouponPurpose.CorePrice => "核心用户专享价",
        CouponPurpose.AfterSales => "售后补偿",
        _ => purpose.ToString(),
    };
}
