namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>One item row of the campaign form, as typed: text until it is read, so a bad number is shown back as it was.</summary>
public sealed class CampaignFormRow
{
    /// <summary>The item's number once stored; empty for a new row.</summary>
    public int? ItemNo { get; set; }

    public string? Name { get; set; }

    /// <summary>Other names, separated by commas (，, or 、).</summary>
    public string? Aliases { get; set; }

    public string? Price { get; set; }

    public string? ReferencePrice { get; set; }

    public string? Category { get; set; }

    /// <summary>Units left to sell; empty for unlimited.</summary>
    public string? Stock { get; set; }

    /// <summary>The stock the form showed, so only a stock ops changed is set (residents take units meanwhile).</summary>
    public string? StockWas { get; set; }

    public bool AllowUnsuitable { get; set; }

    /// <summary>Nothing typed: a spare row, left out.</summary>
    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Aliases) && string.IsNullOrWhiteSpace(Price)
        && string.IsNullOrWhiteSpace(ReferencePrice) && string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Stock) && !AllowUnsuitable;
}
