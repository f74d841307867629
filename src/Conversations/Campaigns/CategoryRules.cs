namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// What the field guide says about categories: the high-frequency ones (生鲜, 日用品, 食品) suit group
/// buying; oversized or heavy goods, goods that break or melt in transit, and goods that need
/// installing do not, and publishing one needs an explicit override.
/// </summary>
public static class CategoryRules
{
    // Why a category does not suit group buying, in English for the API and in Chinese for the console.
    private static readonly Dictionary<string, (string Why, string InChinese)?> Categories = new(StringComparer.Ordinal)
    {
        ["生鲜"] = null,
        ["日用品"] = null,
        ["食品"] = null,
        ["母婴"] = null,
        ["个护"] = null,
        ["大家电"] = ("oversized and heavy", "体积大、分量重"),
        ["家具"] = ("oversized and heavy", "体积大、分量重"),
        ["玻璃制品"] = ("breaks easily in transit", "运输中容易碎"),
        ["冰淇淋"] = ("melts in transit", "运输中会化"),
        ["冷冻"] = ("needs an unbroken cold chain", "需要全程冷链"),
        ["需安装"] = ("needs installing", "需要上门安装"),
    };

    /// <summary>Price advantage below this is not worth a group buy.</summary>
    public const decimal MinAdvantage = 0.10m;

    /// <summary>Price advantage above this leaves too thin a margin (低价恶性竞争).</summary>
    public const decimal MaxAdvantage = 0.20m;

    public static IReadOnlyCollection<string> Known => Categories.Keys;

    public static bool IsKnown(string category) => Categories.ContainsKey(category);

    /// <summary>Why the category does not suit group buying, or null when it does.</summary>
    public static string? Unsuitability(string category) => Categories.GetValueOrDefault(category)?.Why;

    /// <summary>The same reason in Chinese, for the console.</summary>
    public static string? UnsuitabilityInChinese(string category) => Categories.GetValueOrDefault(category)?.InChinese;

    /// <summary>
    /// The warnings of an item that passed the checks: the override, when its category does not
    /// suit group buying (it can only have been listed on ops' override), then its price advantage.
    /// </summary>
    public static IEnumerable<SelectionWarning> Warnings(int itemNo, string name, string category, decimal price, decimal referencePrice)
    {
        if (Categories.GetValueOrDefault(category) is { } unsuitable)
        {
            yield return new SelectionWarning(
                $"Item {itemNo} ({name}) is in {category}, which does not suit group buying ({unsuitable.Why}); published on ops' override.",
                $"{itemNo}号 {name} 属于{category}，{unsuitable.InChinese}，不适合社区团购；按运营的决定照样上架。");
        }

        if (PriceWarning(itemNo, name, price, referencePrice) is { } priceWarning)
        {
            yield return priceWarning;
        }
    }

    /// <summary>A warning for an item's price against its reference price, in words ops can act on; null when it is within 10%–20%.</summary>
    public static SelectionWarning? PriceWarning(int itemNo, string name, decimal price, decimal referencePrice)
    {
        if (referencePrice <= 0)
        {
            return null;
        }

        var advantage = (referencePrice - price) / referencePrice;
        if (advantage < MinAdvantage)
        {
            return new SelectionWarning(
                FormattableString.Invariant($"Item {itemNo} ({name}) is {advantage * 100:0.#}% below its reference price; group buys usually need at least {MinAdvantage * 100:0}%."),
                FormattableString.Invariant($"{itemNo}号 {name} 只比参考价便宜 {advantage * 100:0.#}%，团购一般要便宜至少 {MinAdvantage * 100:0}%。"));
        }

        if (advantage > MaxAdvantage)
        {
            return new SelectionWarning(
                FormattableString.Invariant($"Item {itemNo} ({name}) is {advantage * 100:0.#}% below its reference price; above {MaxAdvantage * 100:0}% the margin may be too thin."),
                FormattableString.Invariant($"{itemNo}号 {name} 比参考价便宜 {advantage * 100:0.#}%，超过 {MaxAdvantage * 100:0}% 利润可能太薄（低价恶性竞争）。"));
        }

        return null;
    }
}
