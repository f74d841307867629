using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>One numbered item of a campaign ("3号" is item 3).</summary>
public sealed class CampaignItem : IVersioned
{
    private CampaignItem()
    {
        Name = Category = string.Empty;
    }

    internal CampaignItem(int itemNo, string name, IEnumerable<string> aliases, decimal price, decimal referencePrice, string category, int? stock)
    {
        EnsureValid(itemNo, name, price, referencePrice, category, stock);
        ItemNo = itemNo;
        Name = name;
        Aliases = CleanAliases(aliases);
        Price = price;
        ReferencePrice = referencePrice;
        Category = category;
        Stock = stock;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    /// <summary>1..n inside the campaign, in the order ops listed the items.</summary>
    public int ItemNo { get; private set; }

    public string Name { get; private set; }

    /// <summary>Other names residents use for the item ("奶" for "纯牛奶").</summary>
    public List<string> Aliases { get; private set; } = [];

    public decimal Price { get; private set; }

    /// <summary>Supermarket or online price the saving is measured against.</summary>
    public decimal ReferencePrice { get; private set; }

    public string Category { get; private set; }

    /// <summary>Units left to sell; null means unlimited.</summary>
    public int? Stock { get; private set; }

    public int Version { get; set; }

    /// <summary>(reference − price) / reference; null when there is no reference price.</summary>
    public decimal? PriceAdvantage => ReferencePrice > 0 ? (ReferencePrice - Price) / ReferencePrice : null;

    /// <summary>What every listed item must be, here and in a schedule's template (whose runs list it here).</summary>
    internal static void EnsureValid(int itemNo, string name, decimal price, decimal referencePrice, string category, int? stock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemNo, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(referencePrice);
        if (stock is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stock), stock, "Stock cannot be negative.");
        }
    }

    /// <summary>Aliases as residents' replies are matched against them: trimmed, no blanks, no repeats.</summary>
    public static List<string> CleanAliases(IEnumerable<string> aliases) =>
        [.. aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>Takes units from stock; false (and nothing taken) when not enough is left.</summary>
    public bool TryTake(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Stock is null)
        {
            return true;
        }

        if (Stock < quantity)
        {
            return false;
        }

        Stock -= quantity;
        return true;
    }

    public void Return(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Stock is not null)
        {
            Stock += quantity;
        }
    }
}
