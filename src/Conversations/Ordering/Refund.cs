namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Money owed back to a resident for goods they ordered and will not get (a shortage at receiving)
/// or that went wrong (after-sales). Recorded when decided; paying it out is outside the bot.
/// </summary>
public sealed class Refund
{
    private Refund()
    {
    }

    /// <param name="amount">What goes back: what the resident now pays less, coupons included.</param>
    public Refund(Order order, int itemNo, int quantity, decimal amount, RefundReason reason, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        OrderId = order.Id;
        CampaignId = order.CampaignId;
        GroupId = order.GroupId;
        ResidentId = order.ResidentId;
        ItemNo = itemNo;
        Quantity = quantity;
        Amount = amount;
        Reason = reason;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public long CampaignId { get; private set; }

    public long GroupId { get; private set; }

    public long ResidentId { get; private set; }

    public int ItemNo { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>Yuan, exact: the price the resident ordered at times the quantity, less any coupon discount the order no longer gets.</summary>
    public decimal Amount { get; private set; }

    public RefundReason Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
