using System.Text.Json;
using GroupBuy.Conversations.Groups;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>Body of <c>POST /api/campaigns</c>; every field is checked before anything is stored.</summary>
internal sealed record CampaignRequest(
    string? Title,
    IReadOnlyList<string>? ChatIds,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? PickupAt,
    string? PickupPoint,
    IReadOnlyList<CampaignItemRequest>? Items);

/// <param name="AllowUnsuitable">Ops' explicit override for a category the guide advises against.</param>
internal sealed record CampaignItemRequest(
    string? Name,
    IReadOnlyList<string>? Aliases,
    decimal? Price,
    decimal? ReferencePrice,
    string? Category,
    int? Stock,
    bool AllowUnsuitable = false);

/// <summary>A POST or PUT body that passed every check: trimmed text, the registered chats, the items and their warnings.</summary>
internal sealed record ValidCampaign(
    string Title,
    DateTimeOffset ClosesAt,
    DateTimeOffset PickupAt,
    string PickupPoint,
    IReadOnlyList<Group> Groups,
    IReadOnlyList<CampaignItemRequest> Items,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Body of <c>PATCH /api/campaigns/{id}/items/{itemNo}</c>: only the fields sent change. Stock is
/// kept as raw JSON because null there (unlimited) means something other than leaving it out.
/// </summary>
internal sealed record CampaignItemPatch(
    JsonElement Stock,
    string? Name,
    IReadOnlyList<string>? Aliases,
    decimal? Price,
    decimal? ReferencePrice,
    string? Category,
    bool AllowUnsuitable = false);
