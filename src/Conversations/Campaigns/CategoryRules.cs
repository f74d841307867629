namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// What the field guide says about categories: the high-frequency ones (生鲜, 日用品, 食品) suit group
/// buying; oversized or heavy goods, goods that break or melt in transit, and goods that need
/// installing do not, and publishing one needs an explicit override.
/// </summary>
public static class CategoryRules
{
    private static readonly Dictionary<string, string?> Categories = new(StringComparer.Ordinal)
    {
        ["生鲜"] = null,
        ["日用品"] = null,
        ["食品"] = null,
        ["母婴"] = null,
        ["个护"] = null,
        ["大家电"] = "oversized and heavy",
        ["家具"] = "oversized and heavy",
        ["玻璃制品"] = "breaks easily in transit",
        ["冰淇淋"] = "melts in transit",
        ["冷冻"] = "needs an unbroken cold chain",
        ["需安装"] = "needs installing",
    };

    /// <summary>Price advantage below this is not worth a group buy.</summary>
    public const decimal MinAdvantage = 0.10m;

    /// <summary>Price advantage above this leaves too thin a margin (低价恶性竞争).</summary>
    public const decimal MaxAdvantage = 0.20m;

    public static IReadOnlyCollection<string> Known => Categories.Keys;

    public static bool IsKnown(string category) => Categories.ContainsKey(category);

    /// <summary>Why the category does not suit group buying, or null when it does.</summary>
    public static string? Unsuitability(string category) => Categories.GetValueOrDefault(category);

    /// <summary>Warnings for an item's price against its reference price, in words ops can act on.</summary>
    public static IEnumerable<string> PriceWarnings(int itemNo, string name, decimal price, decimal referencePrice)
    {
        if (referencePrice <= 0)
        {
            yield break;
        }

        var advantage = (referencePrice - price) / referencePrice;
        if (advantage < MinAdvantage)
        {
            yield return FormattableString.Invariant($"Item {itemNo} ({name}) is {advantage * 100:0.#}% below its reference price; group buys usually need at least {MinAdvantage * 100:0}%.");
        }
        else if (advantage > MaxAdvantage)
        {
            yield return FormattableString.Invariant($"Item {itemNo} ({name}) is {advantage * 100:0.#}% below its reference price; above {MaxAdvantage * 100:0}% the margin may be too thin.");
        }
    }
}
