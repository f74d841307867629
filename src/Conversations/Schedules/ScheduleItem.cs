using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Conversations.Schedules;

/// <summary>One item of a schedule's campaign template; each run's campaign lists it under the same number.</summary>
public sealed class ScheduleItem
{
    private ScheduleItem()
    {
        Name = Category = string.Empty;
    }

    internal ScheduleItem(int itemNo, string name, IEnumerable<string> aliases, decimal price, decimal referencePrice, string category, int? stock, bool allowUnsuitable)
    {
        CampaignItem.EnsureValid(itemNo, name, price, referencePrice, category, stock);
        ItemNo = itemNo;
        Name = name;
        Aliases = CampaignItem.CleanAliases(aliases);
        Price = price;
        ReferencePrice = referencePrice;
        Category = category;
        Stock = stock;
        AllowUnsuitable = allowUnsuitable;
    }

    public long Id { get; private set; }

    public long ScheduleId { get; private set; }

    public int ItemNo { get; private set; }

    public string Name { get; private set; }

    public List<string> Aliases { get; private set; } = [];

    public decimal Price { get; private set; }

    public decimal ReferencePrice { get; private set; }

    public string Category { get; private set; }

    /// <summary>Units each run offers; null means unlimited.</summary>
    public int? Stock { get; private set; }

    /// <summary>Ops' override for a category the guide advises against, kept so an edit shows what was agreed.</summary>
    public bool AllowUnsuitable { get; private set; }
}
