using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>The ticket number and what happens next.</summary>
public sealed record AfterSalesSubmittedMessage(string Name, string Number, string? LeaderName) : IMessageModel
{
    public static string TemplateName => "after-sales-submitted";
}
