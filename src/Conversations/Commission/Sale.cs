using GroupBuy.Conversations.Ordering;

namespace GroupBuy.Conversations.Commission;

/// <summary>What a leader sold on one order line the resident collected: the amount the resident kept paying for.</summary>
public sealed record Sale(long GroupId, string Category, decimal Amount, DateTimeOffset PickedUpAt)
{
    /// <summary>
    /// The sales of one order: nothing unless it was picked up (核销); each line at its price times
    /// its quantity, less what after-sales refunded on that item.
    /// </summary>
    /// <param name="refunds">Refunds of this order (others are ignored).</param>
    /// <param name="categoryOf">The category of an item of the order's campaign.</param>
    public static IEnumerable<Sale> FromOrder(Order order, IEnumerable<Refund> refunds, Func<int, string> categoryOf)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refunds);
        ArgumentNullException.ThrowIfNull(categoryOf);
        if (order.Status != OrderStatus.PickedUp || order.PickedUpAt is not { } pickedUpAt)
        {
            return [];
        }

        // Shortage refunds are left out: a shortage already took the units off the line, so the
        // line is what the resident got. After-sales refunds come back on goods that were handed over.
        var refunded = refunds
            .Where(r => r.OrderId == order.Id && r.Reason == RefundReason.AfterSales)
            .GroupBy(r => r.ItemNo)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));

        // A refund larger than its line (a data error) must not make a leader's commission negative.
        return order.Lines
            .Select(l => new Sale(order.GroupId, categoryOf(l.ItemNo), Math.Max(0m, l.Amount - refunded.GetValueOrDefault(l.ItemNo)), pickedUpAt))
            .Where(s => s.Amount > 0)
            .ToList();
    }
}
