namespace GroupBuy.Conversations.PickLists;

/// <summary>The top level of the pick list: what one community (社区) gets, split into its leaders' parcels.</summary>
public sealed record CommunityPicks(string Name, int OrderCount, IReadOnlyList<ItemQuantity> Items, IReadOnlyList<LeaderParcel> Leaders);
