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
