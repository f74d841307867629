namespace GroupBuy.Conversations.PickLists;

/// <summary>
/// What goes to one leader for one group chat: the parcel the warehouse packs, labelled so the
/// driver and the leader can tell it apart from the others at a glance.
/// </summary>
public sealed record LeaderParcel(
    string LeaderName,
    string Community,
    string GroupName,
    string ChatId,
    bool OrderingOver,
    int OrderCount,
    string Label,
    IReadOnlyList<ItemQuantity> Items,
    IReadOnlyList<PickedOrder> Orders)
{
    /// <summary>"李姐｜阳光花园｜12单": full-width bars, because the label is read in Chinese and printed.</summary>
    public static string LabelFor(string leaderName, string community, int orderCount) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{leaderName}｜{community}｜{orderCount}单");
}
