using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Conversations.Ordering;

/// <summary>How an order line is named in every message: "1号红富士苹果×2", by item number.</summary>
public static class OrderLineText
{
    public static IReadOnlyList<string> Of(Order order, Campaign campaign) =>
        [.. order.Lines.OrderBy(l => l.ItemNo).Select(l => Line(campaign, l.ItemNo, l.Quantity))];

    public static string Line(Campaign campaign, int itemNo, int quantity) => $"{Item(campaign, itemNo)}×{quantity}";

    public static string Item(Campaign campaign, int itemNo) => $"{itemNo}号{campaign.FindItem(itemNo)?.Name}";
}
