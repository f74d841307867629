using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// The offer posted into a group when a campaign opens (开团). Money and times arrive as text, already
/// formatted the way residents read them ("12.8", "11月26日(周四) 22:00"), so templates never
/// format numbers or dates themselves.
/// </summary>
public sealed record CampaignPreview(
    string Title,
    IReadOnlyList<PreviewItem> Items,
    string ClosesAt,
    string PickupAt,
    string PickupPoint,
    bool MentionRequired,
    string BotName) : IMessageModel
{
    public static string TemplateName => "campaign-preview";

    /// <summary>The first item's name, for the "how to order" example.</summary>
    public string ExampleName => Items.Count > 0 ? Items[0].Name : string.Empty;

    public bool SingleItem => Items.Count == 1;
}

/// <summary>One line of the offer: number, name, price, and the saving against the reference price.</summary>
public sealed record PreviewItem(int ItemNo, string Name, string Price, string? ReferencePrice, string? Saving, int? Stock);
