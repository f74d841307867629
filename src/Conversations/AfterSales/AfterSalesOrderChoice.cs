namespace GroupBuy.Conversations.AfterSales;

/// <summary>One recent order offered in the intake: its number in the list, campaign, day, lines and amount.</summary>
public sealed record AfterSalesOrderChoice(int No, string Title, string Day, IReadOnlyList<string> Lines, string Total);
