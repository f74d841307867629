using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>A second intake while one is open: finish or cancel that one first.</summary>
public sealed record AfterSalesAlreadyOpenMessage(string Name, bool ContinuePrivately) : IMessageModel
{
    public static string TemplateName => "after-sales-already-open";
}
