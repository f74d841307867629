namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>The items of one campaign, numbered 1..n, that replies are read against.</summary>
public sealed record Catalog(IReadOnlyList<CatalogItem> Items)
{
    public int Count => Items.Count;

    /// <summary>A bare "+1" can only mean one thing when there is one item.</summary>
    public bool HasSingleItem => Items.Count == 1;

    public bool Contains(int itemNo) => Items.Any(i => i.ItemNo == itemNo);
}
