using GroupBuy.Conversations.Ordering.Parsing;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// The item a quoted message is about, so that "+1" under the leader's "3号 阳光玫瑰 ¥29.9" (or
/// under a neighbour's "葡萄+2") orders that item. Only a message about exactly one item counts:
/// quoting the whole preview leaves a bare "+1" as unclear as it was.
/// </summary>
internal static partial class QuotedItem
{
    public static int? Find(string? quotedText, Catalog catalog)
    {
        var text = ReplyText.Normalize(quotedText);
        if (text.Length == 0)
        {
            return null;
        }

        var named = ItemNames.Of(catalog).FindExact(text).SelectMany(m => m.ItemNos).Distinct().ToList();
        if (named.Count > 0)
        {
            return named.Count == 1 ? named[0] : null;
        }

        var numbered = ItemNumber().Matches(text)
            .Select(m => int.Parse(m.Groups["n"].ValueSpan, provider: null))
            .Where(catalog.Contains)
            .Distinct()
            .ToList();
        return numbered.Count == 1 ? numbered[0] : null;
    }

    [GeneratedRegex(@"(?<!\d)(?<n>\d{1,2}) ?号(?!楼|院|门|单元)")]
    private static partial Regex ItemNumber();
}
