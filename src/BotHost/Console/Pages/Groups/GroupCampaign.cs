namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>A campaign as a group's pages show it: where it stands, where goods are picked up, and this group's orders in it.</summary>
public sealed record GroupCampaign(
    long Id,
    string Title,
    CampaignStage Stage,
    string PickupPoint,
    DateTimeOffset ClosesAt,
    DateTimeOffset PickupAt,
    int OrderCount);
