namespace GroupBuy.Conversations.PickLists;

/// <summary>
/// One resident's order, packed as one bag inside the leader's parcel. The pickup code is null
/// while ordering is still open in that chat: codes are given only when the order can no longer change.
/// </summary>
public sealed record PickedOrder(string ResidentName, string? PickupCode, IReadOnlyList<ItemQuantity> Lines);
