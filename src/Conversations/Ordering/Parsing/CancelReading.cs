namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Reads "取消 / 不要了 / 退掉": the items named go; with none named, everything the sender
/// ordered goes (or the quoted item, when the resident quoted one). A count in a cancellation
/// ("取消一份") would cancel only part, which is asked about rather than guessed.
/// </summary>
internal static class CancelReading
{
    public static bool Applies(ScannedReply scan)
    {
        var tokens = scan.Tokens;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.CancelMarker
                && (!tokens[k].Tentative || (k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Item)))
            {
                return true;
            }
        }

        return false;
    }

    public static ParsedReply Read(ScannedReply scan, LineResolver resolver)
    {
        var tokens = scan.Tokens;
        if (AllButWords.In(scan.Text))
        {
            return ParsedReply.Unclear("cancels all but some items");
        }

        // "不要面包，要牛奶": the verb orders what follows it.
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.OrderVerb && tokens[k + 1].Kind == TokenKind.Item)
            {
                return ParsedReply.Unclear("mixes a cancellation with an order");
            }
        }

        var counts = tokens.Where(t => t.IsCount || t.Kind == TokenKind.Decrease).ToList();
        if (counts.Any(t => t.IsFirm))
        {
            return ParsedReply.Unclear("mixes a cancellation with an order");
        }

        if (counts.Count > 0 || tokens.Any(t => t.Kind == TokenKind.CancelMarker && t.Value is not null))
        {
            return ParsedReply.Unclear("cancels part of an item");
        }

        if (tokens.FirstOrDefault(t => t.Kind == TokenKind.Unknown) is { } unknown)
        {
            return ParsedReply.Unclear($"no item matches '{unknown.Text}'");
        }

        var lines = new List<ReplyLine>();
        foreach (var item in tokens.Where(t => t.Kind == TokenKind.Item))
        {
            if (resolver.Item(item, out var itemNo) is { } problem)
            {
                return ParsedReply.Unclear(problem);
            }

            if (!lines.Exists(l => l.ItemNo == itemNo))
            {
                lines.Add(new ReplyLine(itemNo, 0));
            }
        }

        if (lines.Count > 0)
        {
            return new ParsedReply(ReplyKind.Cancel, lines);
        }

        if (scan.Has(TokenKind.AllWord))
        {
            return ParsedReply.CancelAll();
        }

        // "这个不要了" under a quoted item is about that item; on its own it is the whole order.
        if (!resolver.HasQuotedItem)
        {
            return ParsedReply.CancelAll();
        }

        return resolver.Implied(out var quoted) is { } noItem
            ? ParsedReply.Unclear(noItem)
            : new ParsedReply(ReplyKind.Cancel, [new ReplyLine(quoted, 0)]);
    }
}
