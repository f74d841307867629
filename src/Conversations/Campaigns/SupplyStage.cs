namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Where a campaign's goods are on their way to residents, as the groups are told (supply
/// progress). The default day plan: at the warehouse by 10:00, sorted by 14:00, at the communities by 17:00.
/// </summary>
public enum SupplyStage
{
    /// <summary>商品已到达仓储点，正在分拣.</summary>
    Sorting = 0,

    /// <summary>商品已配送至社区，请及时领取.</summary>
    Delivered = 1,
}

/// <summary>The names stages go by in the API and in outbox keys; fixed, unlike the enum's member names.</summary>
public static class SupplyStages
{
    private static readonly Dictionary<string, SupplyStage> ByName = new(StringComparer.Ordinal)
    {
        ["sorting"] = SupplyStage.Sorting,
        ["delivered"] = SupplyStage.Delivered,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out SupplyStage stage) => ByName.TryGetValue(name?.Trim() ?? string.Empty, out stage);

    public static string NameOf(SupplyStage stage) => ByName.First(p => p.Value == stage).Key;
}
