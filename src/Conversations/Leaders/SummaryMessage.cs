using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 汇总 for the leader: item totals, each resident's order, the money. Residents beyond
/// <see cref="SummaryCommand.MaxResidents"/> are counted in <see cref="More"/> rather than listed, so
/// the message stays within what a chat shows (the pick list has everyone). <see cref="Total"/> is
/// the goods total; coupons used on the orders take <see cref="Discount"/> off it (<see cref="Payable"/>).
/// </summary>
public sealed record SummaryMessage(
    string Title,
    bool TakingOrders,
    IReadOnlyList<SummaryItem> Items,
    IReadOnlyList<SummaryResident> Residents,
    int More,
    int OrderCount,
    string Total,
    int CouponsUsed = 0,
    string Discount = "0",
    string Payable = "0") : IMessageModel
{
    public static string TemplateName => "leader-summary";
}

/// <summary>"1号红富士苹果" × 12, ¥153.60 as text.</summary>
public sealed record SummaryItem(int ItemNo, string Name, int Quantity, string Amount);

/// <summary>A resident's order in the summary: lines as "1号红富士苹果×2", code when assigned, what they pay when a coupon applies.</summary>
public sealed record SummaryResident(string Name, string? PickupCode, IReadOnlyList<string> Lines, string Total, string? Payable = null);
