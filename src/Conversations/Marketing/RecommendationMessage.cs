using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// To an active resident: what they buy most (up to three item names from the last 30 days) and
/// the 满50减5 / 满100减12 coupons, one per order, the better one taken automatically.
/// </summary>
public sealed record RecommendationMessage(string Name, IReadOnlyList<string> Favourites, IReadOnlyList<string> Coupons, string LastDay) : IMessageModel
{
    public static string TemplateName => "marketing-recommendation";
}
