using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>Which of the recent orders the problem is about. In a group, only titles and days: what someone bought is their business.</summary>
public sealed record AfterSalesChooseOrderMessage(string Name, bool Again, bool InGroup, IReadOnlyList<AfterSalesOrderChoice> Orders) : IMessageModel
{
    public static string TemplateName => "after-sales-choose-order";
}
