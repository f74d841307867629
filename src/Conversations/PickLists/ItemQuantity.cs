namespace GroupBuy.Conversations.PickLists;

/// <summary>How many of one item: a line of a resident's order, or a total at any level of the pick list.</summary>
public sealed record ItemQuantity(int ItemNo, string Name, int Quantity)
{
    /// <summary>Adds up quantities per item, in item order; items nobody ordered are left out.</summary>
    public static IReadOnlyList<ItemQuantity> Totals(IEnumerable<ItemQuantity> quantities) =>
        [.. quantities.GroupBy(q => q.ItemNo)
            .Select(g => new ItemQuantity(g.Key, g.First().Name, g.Sum(q => q.Quantity)))
            .Where(q => q.Quantity > 0)
            .OrderBy(q => q.ItemNo)];
}
