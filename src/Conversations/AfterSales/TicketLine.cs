namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// An order line as it stood when the ticket was taken in. A copy, not a link: the order may be
/// shortened or refunded afterwards, and the ticket must still show what the resident complained about.
/// </summary>
public sealed class TicketLine
{
    private TicketLine()
    {
        Name = string.Empty;
    }

    public TicketLine(int itemNo, string name, int quantity, decimal unitPrice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ItemNo = itemNo;
        Name = name;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public int ItemNo { get; private set; }

    public string Name { get; private set; }

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public decimal Amount => UnitPrice * Quantity;
}
