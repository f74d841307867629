using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// The leader's answer to 缺货: what was recorded, whose orders were cut (the latest first), the
/// refunds, and any shortfall larger than the group's orders.
/// </summary>
public sealed record ShortageSummaryMessage(string Item, int Short, IReadOnlyList<ShortageAffected> Affected, string RefundTotal, int Unmatched) : IMessageModel
{
    public static string TemplateName => "shortage-summary";
}

/// <summary>A resident whose order was cut, and by how many.</summary>
public sealed record ShortageAffected(string Name, int Missing);
