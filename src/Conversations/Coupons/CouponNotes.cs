using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Coupons;

/// <summary>What an order acknowledgement says about each resident's coupons.</summary>
public static class CouponNotes
{
    /// <summary>
    /// By resident: the coupon their order uses, else the usable coupon they hold with the lowest
    /// threshold (the one they are nearest to reaching). Residents with neither are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, OrderAckCoupon>> ForAsync(GroupBuyDbContext db, IReadOnlyCollection<Order> orders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var residentIds = orders.Select(o => o.ResidentId).Distinct().ToList();
        var usedIds = orders.Where(o => o.CouponId is not null).Select(o => o.CouponId!.Value).ToList();
        var coupons = await db.Set<Coupon>().AsNoTracking()
            .Where(c => usedIds.Contains(c.Id) || (residentIds.Contains(c.ResidentId) && c.UsedAt == null && c.IssuedAt <= now && c.ExpiresAt > now))
            .ToListAsync(cancellationToken);

        var notes = new Dictionary<long, OrderAckCoupon>();
        foreach (var order in orders)
        {
            if (order.CouponId is { } usedId && coupons.FirstOrDefault(c => c.Id == usedId) is { } used)
            {
                notes[order.ResidentId] = Note(used, true, order.Discount, order.Payable);
                continue;
            }

            var held = coupons.Where(c => c.ResidentId == order.ResidentId && c.UsedAt is null)
                .OrderBy(c => c.Threshold).ThenBy(c => c.ExpiresAt).FirstOrDefault();
            if (held is not null)
            {
                notes[order.ResidentId] = Note(held, false, 0m, order.Total);
            }
        }

        return notes;
    }

    private static OrderAckCoupon Note(Coupon coupon, bool used, decimal discount, decimal payable) =>
        new(coupon.Label, ChineseFormat.Money(coupon.Threshold), used, ChineseFormat.Money(discount), ChineseFormat.Money(payable));
}
