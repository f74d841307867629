namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>One item as the parser sees it: its number in the campaign and the words residents may use for it.</summary>
public sealed record CatalogItem(int ItemNo, string Name, IReadOnlyList<string> Aliases);
