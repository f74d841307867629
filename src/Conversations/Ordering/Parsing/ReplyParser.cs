namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Reads a resident's reply to a campaign ("苹果+2", "4号两份", "改成3份", "不要了") without
/// guessing: what cannot be resolved comes back Unclear with the reason, so the bot asks.
/// Deterministic and free of I/O; the text arrives with leading @-mentions and "/" removed.
/// </summary>
public sealed class ReplyParser
{
    public ParsedReply Parse(string text, Catalog catalog, int? quotedItemNo = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var normalized = ReplyText.Normalize(text);
        if (normalized.Length == 0)
        {
            return ParsedReply.NotAnOrder("nothing but emoji or stickers");
        }

        var names = ItemNames.Of(catalog);
        var scan = ReplyScanner.Scan(normalized, names, catalog);
        var clauseText = WithOrdersEnded(scan);
        var questions = Clauses.Split(clauseText).Where(c => Clauses.IsQuestion(clauseText[c.Start..c.End])).ToList();
        if (questions.Count > 0)
        {
            // "还能+1吗", "+1的都到了吗": a question about ordering is not an order. A question
            // beside an order ("苹果+1，几点到？") leaves the order standing.
            if (questions.Any(q => scan.Tokens.Any(t => t.Start >= q.Start && t.Start < q.End && IsAboutOrdering(t))))
            {
                return ParsedReply.NotAnOrder("a question");
            }

            var rest = normalized.ToCharArray();
            foreach (var (start, end) in questions)
            {
                Array.Fill(rest, ' ', start, end - start);
            }

            scan = ReplyScanner.Scan(new string(rest), names, catalog);
        }

        var resolver = new LineResolver(catalog, quotedItemNo);
        if (scan.Has(TokenKind.SameAsOthers))
        {
            return ParsedReply.Unclear("refers to someone else's order");
        }

        if (scan.Has(TokenKind.ChangeMarker))
        {
            return ChangeReading.Read(scan, resolver);
        }

        if (ChangeReading.IsCorrection(scan))
        {
            return ChangeReading.ReadCorrection(scan, resolver);
        }

        return CancelReading.Applies(scan) ? CancelReading.Read(scan, resolver) : OrderReading.Read(scan, resolver);
    }

    /// <summary>
    /// "面包+1 明天能到吗": a blank right after an order that names its item ends that order, as a
    /// comma would, so the question after it is a clause of its own and leaves the order standing.
    /// </summary>
    private static string WithOrdersEnded(ScannedReply scan)
    {
        var text = scan.Text.ToCharArray();
        for (var k = 1; k < scan.Tokens.Count; k++)
        {
            var count = scan.Tokens[k];
            if (count is { Kind: TokenKind.Quantity, Form: QuantityForm.Plus } && scan.Tokens[k - 1].Kind == TokenKind.Item
                && count.End < text.Length && text[count.End] == ' ')
            {
                text[count.End] = '\n';
            }
        }

        return new string(text);
    }

    // "还能+1吗", "能不能来一份" ask about ordering; "500g一盒吗" asks about the goods.
    private static bool IsAboutOrdering(ReplyToken token) => (token.Kind == TokenKind.Quantity && token.IsFirm)
        || token.Kind is TokenKind.Each or TokenKind.Decrease or TokenKind.ChangeMarker or TokenKind.CancelMarker;
}
