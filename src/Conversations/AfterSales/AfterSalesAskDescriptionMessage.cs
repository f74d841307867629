using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>Asks for a sentence on what happened; Evidence counts what was received so far.</summary>
public sealed record AfterSalesAskDescriptionMessage(string Name, int Evidence, bool Again) : IMessageModel
{
    public static string TemplateName => "after-sales-ask-description";
}
