using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// To a dormant resident: the 满30减8 专属回归券 and a question why they stopped. <see cref="LastDay"/>
/// is "12月7日"; <see cref="Threshold"/> the yuan the order must reach.
/// </summary>
public sealed record WinBackMessage(string Name, string Coupon, string Threshold, string LastDay) : IMessageModel
{
    public static string TemplateName => "marketing-win-back";
}
