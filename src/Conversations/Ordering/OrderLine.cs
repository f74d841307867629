namespace GroupBuy.Conversations.Ordering;

/// <summary>A quantity of one campaign item inside a resident's order, at the price it was ordered at.</summary>
public sealed class OrderLine
{
    private OrderLine()
    {
    }

    internal OrderLine(int itemNo, int quantity, decimal unitPrice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemNo, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        ItemNo = itemNo;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public int ItemNo { get; private set; }

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public decimal Amount => UnitPrice * Quantity;

    internal void SetQuantity(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        Quantity = quantity;
    }
}
