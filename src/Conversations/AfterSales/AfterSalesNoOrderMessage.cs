using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>No recent order to complain about (or every one already has a ticket under way).</summary>
public sealed record AfterSalesNoOrderMessage(string Name, string? PendingTicket, string? LeaderName) : IMessageModel
{
    public static string TemplateName => "after-sales-no-order";
}
