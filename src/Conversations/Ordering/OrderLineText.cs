using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Conversations.Ordering;

/// <summary>How an order line is named in every message: "1号红富士苹果×2", by item number.</summary>
public static class OrderLineText
{
    public static IReadOnlyList<string> Of(Order order, Campaign campaign) =>
        [.. order.Lines.OrderBy(l => l.ItemNo).Select(l => Line(campaign, l.ItemNo, l.Quantity))];

    public static string Line(Campaign campaign, int itemNo, int quantity) => Line(itemNo, campaign.FindItem(itemNo)?.Name, quantity);

    /// <summary>A line whose item name is already known (a ticket keeps its own copy).</summary>
    public static string Line(int itemNo, string? name, int quantity) => $"{Item(itemNo, name)}×{quantity}";

    public static string Item(Campaign campaign, int itemNo) => Item(itemNo, campaign.FindItem(itemNo)?.Name);

    private static string Item(int itemNo, string? name) => $"{itemNo}号{name}";
}
