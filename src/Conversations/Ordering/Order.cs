using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// What one resident has ordered in one chat for one campaign. Replies change it in place
/// ("+1" adds, "改成2" sets, "取消" removes), so there is at most one per resident, chat and campaign.
/// </summary>
public sealed class Order : IVersioned
{
    private readonly List<OrderLine> lines = [];

    private Order()
    {
    }

    public Order(long campaignId, long groupId, long residentId, DateTimeOffset createdAt)
    {
        CampaignId = campaignId;
        GroupId = groupId;
        ResidentId = residentId;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Status = OrderStatus.Open;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public long GroupId { get; private set; }

    public long ResidentId { get; private set; }

    public OrderStatus Status { get; private set; }

    /// <summary>Short code the resident shows at pickup; unique within the campaign once assigned.</summary>
    public string? PickupCode { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the resident collected the goods (已取 / 核销).</summary>
    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyCollection<OrderLine> Lines => lines;

    /// <summary>The goods total: price × quantity of every line, before any coupon.</summary>
    public decimal Total => lines.Sum(l => l.Amount);

    /// <summary>The coupon taken off this order (<see cref="Coupons.Coupon"/>), when one applies.</summary>
    public long? CouponId { get; private set; }

    /// <summary>What the coupon takes off <see cref="Total"/> in yuan; 0 without one.</summary>
    public decimal Discount { get; private set; }

    /// <summary>What the resident pays at pickup (实付): the goods total less the coupon.</summary>
    public decimal Payable => Total - Discount;

    /// <summary>Records the coupon this order uses and what it takes off now (a rate changes with the total).</summary>
    public void ApplyCoupon(long couponId, decimal discount)
    {
        EnsureChangeable();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(discount, Total);
        if (CouponId is { } held && held != couponId)
        {
            throw new InvalidOperationException("An order uses one coupon; release the one it has first.");
        }

        CouponId = couponId;
        Discount = discount;
    }

    /// <summary>The order no longer qualifies (below the threshold, cancelled): the coupon goes back to the resident.</summary>
    public void ReleaseCoupon()
    {
        EnsureChangeable();
        CouponId = null;
        Discount = 0m;
    }

    public int QuantityOf(int itemNo) => lines.FirstOrDefault(l => l.ItemNo == itemNo)?.Quantity ?? 0;

    /// <summary>Adds to the quantity of an item ("苹果+2").</summary>
    public void Add(int itemNo, int quantity, decimal unitPrice, DateTimeOffset now)
    {
        EnsureChangeable();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var line = lines.FirstOrDefault(l => l.ItemNo == itemNo);
        if (line is null)
        {
            lines.Add(new OrderLine(itemNo, quantity, unitPrice));
        }
        else
        {
            line.SetQuantity(line.Quantity + quantity);
        }

        Touch(now);
    }

    /// <summary>Sets the quantity of an item ("改成4份"); zero removes it.</summary>
    public void Set(int itemNo, int quantity, decimal unitPrice, DateTimeOffset now)
    {
        EnsureChangeable();
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var line = lines.FirstOrDefault(l => l.ItemNo == itemNo);
        if (quantity == 0)
        {
            Remove(itemNo, now);
            return;
        }

        if (line is null)
        {
            lines.Add(new OrderLine(itemNo, quantity, unitPrice));
        }
        else
        {
            line.SetQuantity(quantity);
        }

        Touch(now);
    }

    /// <summary>Removes one item ("取消面包"); when nothing is left the order counts as cancelled.</summary>
    public void Remove(int itemNo, DateTimeOffset now)
    {
        EnsureChangeable();
        lines.RemoveAll(l => l.ItemNo == itemNo);
        Touch(now);
    }

    /// <summary>Removes everything ("都取消吧").</summary>
    public void CancelAll(DateTimeOffset now)
    {
        EnsureChangeable();
        lines.Clear();
        Touch(now);
    }

    /// <summary>Still to be collected: has goods and was not picked up.</summary>
    public bool AwaitsPickup => Status == OrderStatus.Open && lines.Count > 0;

    /// <summary>The leader hands the goods over (已取 / 核销). False when it was already collected.</summary>
    public bool ConfirmPickup(DateTimeOffset now)
    {
        if (Status == OrderStatus.PickedUp)
        {
            return false;
        }

        if (!AwaitsPickup)
        {
            throw new InvalidOperationException("A cancelled order has nothing to pick up.");
        }

        Status = OrderStatus.PickedUp;
        PickedUpAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// A shortage found at receiving (缺货): takes up to <paramref name="quantity"/> of the item off
    /// this order and says how many it took, so the caller can refund exactly that.
    /// </summary>
    public int Shorten(int itemNo, int quantity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        EnsureChangeable();
        var line = lines.FirstOrDefault(l => l.ItemNo == itemNo);
        if (line is null)
        {
            return 0;
        }

        var taken = Math.Min(quantity, line.Quantity);
        if (taken == line.Quantity)
        {
            lines.Remove(line);
        }
        else
        {
            line.SetQuantity(line.Quantity - taken);
        }

        Touch(now);
        return taken;
    }

    public void AssignPickupCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (PickupCode is not null && PickupCode != code)
        {
            throw new InvalidOperationException("An order keeps the pickup code it was given.");
        }

        PickupCode = code;
    }

    private void EnsureChangeable()
    {
        if (Status == OrderStatus.PickedUp)
        {
            throw new InvalidOperationException("An order that was picked up no longer changes.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        Status = lines.Count == 0 ? OrderStatus.Cancelled : OrderStatus.Open;
        UpdatedAt = now;
    }
}
