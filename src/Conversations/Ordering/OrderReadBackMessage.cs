using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Confirms back what the model read from a reply the parser could not, so a misreading is caught
/// by the resident at once. <see cref="Kind"/> is order, change, cancel or cancel_all; the lines
/// read "1号红富士苹果×2" (for a cancellation, just the item).
/// </summary>
public sealed record OrderReadBackMessage(string Name, string Kind, IReadOnlyList<string> Lines, bool SingleItem, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "order-read-back";
}
