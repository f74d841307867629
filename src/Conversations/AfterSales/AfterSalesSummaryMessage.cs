using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>What will be submitted, to confirm. In a group the description is not repeated. EvidenceMissing: the resident had none to send.</summary>
public sealed record AfterSalesSummaryMessage(string Name, bool Again, bool InGroup, string Title, IReadOnlyList<string> Lines, string Type, int Evidence, string Description, bool EvidenceMissing = false) : IMessageModel
{
    public static string TemplateName => "after-sales-summary";
}
