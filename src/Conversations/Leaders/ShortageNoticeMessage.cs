using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// Tells a resident (in the group, @-mentioned) that part of their order could not be filled:
/// the item, how many they ordered, how many are missing, and what they get back.
/// </summary>
public sealed record ShortageNoticeMessage(string Name, string Item, int Ordered, int Missing, string Refund) : IMessageModel
{
    public static string TemplateName => "shortage-notice";
}
