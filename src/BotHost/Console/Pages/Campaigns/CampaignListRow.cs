namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>A campaign as the list shows it: where it stands, its chats by name, its times and how many orders it has.</summary>
public sealed record CampaignListRow(
    long Id,
    string Title,
    CampaignStage Stage,
    IReadOnlyList<string> Chats,
    DateTimeOffset ClosesAt,
    DateTimeOffset PickupAt,
    int OrderCount);
