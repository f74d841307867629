namespace GroupBuy.Conversations.PickLists;

/// <summary>
/// The pick list (分拣单) of a campaign: community → leader → resident order, with item totals at
/// every level. It is final once ordering is over in every chat; before that it is a forecast the
/// warehouse can plan with, but not pack from.
/// </summary>
public sealed record PickList(
    long CampaignId,
    string Title,
    bool Final,
    DateTimeOffset GeneratedAt,
    DateTimeOffset PickupAt,
    string PickupPoint,
    int OrderCount,
    IReadOnlyList<ItemQuantity> Items,
    IReadOnlyList<CommunityPicks> Communities);
