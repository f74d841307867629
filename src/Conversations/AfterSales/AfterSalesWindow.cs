namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Decides whether a problem is reported in time (rules.md, "After-sales"). Windows are inclusive:
/// "within 24 h" still holds at exactly 24 h, because a resident who is on time to the minute
/// should not argue with a bot about seconds.
/// </summary>
public static class AfterSalesWindow
{
    public static readonly TimeSpan QualityAndDelivery = TimeSpan.FromHours(24);

    public static readonly TimeSpan OrderProblems = TimeSpan.FromHours(12);

    public static WindowDecision Check(IssueType type, OrderTimeline order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return type switch
        {
            IssueType.Quality => AfterPickup(order, QualityAndDelivery, now),
            IssueType.Order => AfterPickup(order, OrderProblems, now),
            IssueType.Delivery => Delivery(order, now),
            IssueType.MistakenOrder => MistakenOrder(order, now),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown issue type."),
        };
    }

    // Leaders often hand goods over without recording it (核销), so goods at the pickup point count
    // as in hand from their arrival, the earliest the resident could have had them: a resident
    // holding rotten fruit is never told to wait for a record.
    private static WindowDecision AfterPickup(OrderTimeline order, TimeSpan window, DateTimeOffset now)
    {
        if ((order.PickedUpAt ?? order.ArrivedAt) is not { } inHand)
        {
            return WindowDecision.Refuse(WindowRefusal.NotPickedUpYet);
        }

        var deadline = inHand + window;
        return now <= deadline ? WindowDecision.Accept(deadline) : WindowDecision.Refuse(WindowRefusal.TooLate, deadline);
    }

    // Once the goods are there, the 24 h of the rules run as for quality. Before that, a delivery
    // is late only from the scheduled pickup on (or, without one, from the cut-off).
    private static WindowDecision Delivery(OrderTimeline order, DateTimeOffset now)
    {
        if (order.IsShipped)
        {
            return AfterPickup(order, QualityAndDelivery, now);
        }

        var lateFrom = order.ScheduledPickupAt ?? order.OrderingClosesAt;
        return order.IsOrderingOpen(now) || now < lateFrom ? WindowDecision.Refuse(WindowRefusal.NotDueYet) : WindowDecision.Accept(null);
    }

    // "Shipped" means the goods reached the chat's pickup point (到货, or picked up). The app has
    // no dispatch time of its own; until arrival the leader can still take the portion off the
    // pick list or pass it to a neighbour, which is what "before shipping" buys. Before the cut-off
    // no case is needed at all: the resident cancels the order themselves.
    private static WindowDecision MistakenOrder(OrderTimeline order, DateTimeOffset now)
    {
        if (order.IsShipped)
        {
            return WindowDecision.Refuse(WindowRefusal.AlreadyShipped);
        }

        return order.IsOrderingOpen(now) ? WindowDecision.Refuse(WindowRefusal.CancelInstead) : WindowDecision.Accept(null);
    }
}
