using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>An order line the resident complained about, as it stood at intake; amount is unit price × quantity.</summary>
internal sealed record TicketLineResponse(int ItemNo, string Name, int Quantity, decimal UnitPrice, decimal Amount)
{
    public static TicketLineResponse From(TicketLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.ItemNo, line.Name, line.Quantity, line.UnitPrice, line.Amount);
    }
}
