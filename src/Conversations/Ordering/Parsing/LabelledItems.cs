namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// "2号牛奶+1", "6号 五花肉两斤": residents copy the number from the preview and then the name.
/// Both point at one item, so they become one mention and the count is not given twice; a number
/// that disagrees with the name ("3号牛奶" where 3 is bread) leaves a mention that fits both, and
/// the reply is asked about.
/// </summary>
internal static class LabelledItems
{
    public static void Join(List<ReplyToken> tokens, string text)
    {
        for (var k = tokens.Count - 2; k >= 0; k--)
        {
            var number = tokens[k];
            var name = tokens[k + 1];
            if (number is { Kind: TokenKind.Item, ByNumber: true } && name is { Kind: TokenKind.Item, ByNumber: false }
                && text.AsSpan(number.End, name.Start - number.End).IsWhiteSpace())
            {
                tokens[k] = Labelled(number, name);
                tokens.RemoveAt(k + 1);
            }
        }
    }

    private static ReplyToken Labelled(ReplyToken number, ReplyToken name)
    {
        // The number also settles a name that fits several items: "2号奶" is the milk. A number
        // no item has stays unresolved ("no item 9"), however clear the name.
        var agreed = number.ItemNos.Count == 1 && name.ItemNos.Contains(number.ItemNos[0]);
        return number with
        {
            End = name.End,
            Text = number.Text + name.Text,
            ItemNos = agreed || number.ItemNos.Count == 0 ? number.ItemNos : [.. number.ItemNos.Union(name.ItemNos)],
        };
    }
}
