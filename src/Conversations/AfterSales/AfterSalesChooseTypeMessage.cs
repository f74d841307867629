using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>What kind of problem, as numbered choices.</summary>
public sealed record AfterSalesChooseTypeMessage(string Name, bool Again, string Title) : IMessageModel
{
    public static string TemplateName => "after-sales-choose-type";
}
