using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Coupons;

/// <summary>
/// Keeps an order's coupon in step with the order after every change, inside the caller's
/// transaction. An open order with goods that reaches a coupon's threshold takes the usable
/// coupon that saves the resident most (earliest expiry on a tie); one coupon per order. The
/// coupon stays with the order while the order qualifies; when it drops below the threshold or is
/// cancelled the coupon goes back to the resident, usable again until it expires. A picked-up
/// order keeps what it had.
/// </summary>
/// <remarks>
/// Taking a coupon is one conditional UPDATE ("used_at IS NULL AND expires_at &gt; now"): of two
/// orders (two chats, two hosts) racing for it, the second finds no row to update and goes on
/// without it. A retried message repeats the whole transaction, so it cannot take two.
/// </remarks>
public sealed class CouponRedemption(GroupBuyDbContext db)
{
    public async Task SettleAsync(Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.PickedUp)
        {
            return;
        }

        if (order.CouponId is { } heldId)
        {
            var held = await db.Set<Coupon>().AsNoTracking().SingleAsync(c => c.Id == heldId, cancellationToken);
            var discount = order.AwaitsPickup ? held.Terms.DiscountOn(order.Total) : 0m;
            if (discount > 0m)
            {
                order.ApplyCoupon(heldId, discount);
                return;
            }

            await db.Set<Coupon>()
                .Where(c => c.Id == heldId && c.UsedOnOrderId == order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, (DateTimeOffset?)null).SetProperty(c => c.UsedOnOrderId, (long?)null), cancellationToken);
            order.ReleaseCoupon();
        }

        if (!order.AwaitsPickup)
        {
            return;
        }

        var total = order.Total;
        var candidates = (await db.Set<Coupon>().AsNoTracking()
                .Where(c => c.ResidentId == order.ResidentId && c.UsedAt == null && c.IssuedAt <= now && c.ExpiresAt > now)
                .ToListAsync(cancellationToken))
            .Select(c => (Coupon: c, Discount: c.Terms.DiscountOn(total)))
            .Where(c => c.Discount > 0m)
            .OrderByDescending(c => c.Discount).ThenBy(c => c.Coupon.ExpiresAt).ThenBy(c => c.Coupon.Id)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        if (order.Id == 0)
        {
            // The coupon row points at the order, so a new order needs its id first (same transaction).
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (coupon, discount) in candidates)
        {
            var taken = await db.Set<Coupon>()
                .Where(c => c.Id == coupon.Id && c.UsedAt == null && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now).SetProperty(c => c.UsedOnOrderId, order.Id), cancellationToken);
            if (taken == 1)
            {
                order.ApplyCoupon(coupon.Id, discount);
                return;
            }
        }
    }
}
