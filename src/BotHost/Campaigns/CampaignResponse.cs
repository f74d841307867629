using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.BotHost.Campaigns;

internal sealed record CampaignResponse(
    long Id,
    string Title,
    CampaignStatus Status,
    IReadOnlyList<string> ChatIds,
    DateTimeOffset ClosesAt,
    DateTimeOffset PickupAt,
    string PickupPoint,
    IReadOnlyList<CampaignItemResponse> Items,
    IReadOnlyList<string> Warnings);

internal sealed record CampaignItemResponse(int ItemNo, string Name, IReadOnlyList<string> Aliases, decimal Price, decimal ReferencePrice, string Category, int? Stock);

/// <summary>One resident's order in one chat, as <c>GET /api/campaigns/{id}/orders</c> lists it.</summary>
/// <summary>
/// A resident's order in a chat; status open, cancelled or picked_up; the pickup code once ordering
/// there is over; total is the goods, payable what the resident pays after a coupon's discount.
/// </summary>
internal sealed record OrderResponse(
    string ChatId,
    string ResidentId,
    string ResidentName,
    string Status,
    IReadOnlyList<OrderLineResponse> Lines,
    decimal Total,
    string? PickupCode,
    DateTimeOffset? PickedUpAt,
    decimal Discount,
    decimal Payable);

internal sealed record OrderLineResponse(int ItemNo, int Quantity);
