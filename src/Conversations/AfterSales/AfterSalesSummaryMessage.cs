using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>What will be submitted, to confirm. In a group the description is not repeated.</summary>
public sealed record AfterSalesSummaryMessage(string Name, bool Again, bool InGroup, string Title, IReadOnlyList<string> Lines, string Type, int Evidence, string Description) : IMessageModel
{
    public static string TemplateName => "after-sales-summary";
}
