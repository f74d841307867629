using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>Asks for a photo (quality, delivery) or an order number or screenshot (order problems).</summary>
public sealed record AfterSalesAskEvidenceMessage(string Name, string Type, bool Again, bool WantsPhoto) : IMessageModel
{
    public static string TemplateName => "after-sales-ask-evidence";
}
