namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Reads "改成…": the count after the marker is the new total; a count before it is the old one
/// ("牛奶2份改成3份") and is dropped; an item on both sides is a swap, which is asked about.
/// </summary>
internal static class ChangeReading
{
    // "写错了，是3份", "更正：+2": the count that follows is the corrected total, not an addition.
    private static readonly string[] CorrectionWords = ["写错了", "搞错了", "弄错了", "打错了", "报错了", "填错了", "更正", "纠正", "应该是"];

    /// <summary>A correction without "改成": correction words, or "不要2份了，要1份".</summary>
    public static bool IsCorrection(ScannedReply scan)
    {
        var tokens = scan.Tokens;
        if (scan.Has(TokenKind.ChangeMarker) || !tokens.Any(t => t.Kind == TokenKind.Quantity))
        {
            return false;
        }

        if (CorrectionWords.Any(w => scan.Text.Contains(w, StringComparison.Ordinal)))
        {
            return true;
        }

        var oldCount = tokens.ToList().FindIndex(t => t.Kind == TokenKind.CancelMarker && t.Value is not null);
        return oldCount >= 0
            && tokens.Skip(oldCount + 1).Any(t => t.Kind == TokenKind.Quantity)
            && !tokens.Any(t => t.Kind == TokenKind.CancelMarker && t.Value is null && !t.Tentative);
    }

    public static ParsedReply ReadCorrection(ScannedReply scan, LineResolver resolver)
    {
        var tokens = scan.Tokens
            .Where(t => t.Kind != TokenKind.CancelMarker || t.Value is null)
            .Select(t => t.Kind == TokenKind.Quantity ? t with { Form = QuantityForm.ChangeTo } : t)
            .ToList();
        return Read(scan with { Tokens = tokens }, resolver);
    }

    public static ParsedReply Read(ScannedReply scan, LineResolver resolver)
    {
        var tokens = scan.Tokens;
        if (tokens.Any(t => t.Kind == TokenKind.Quantity && t.Form == QuantityForm.Plus))
        {
            return ParsedReply.Unclear("mixes a change with a new order");
        }

        if (tokens.FirstOrDefault(t => t.Kind == TokenKind.Decrease) is { } decrease)
        {
            return ParsedReply.Unclear($"a decrease ('{decrease.Text}') instead of a new total");
        }

        if (tokens.Any(t => t.Kind == TokenKind.CancelMarker && t.Value is null && !t.Tentative))
        {
            return ParsedReply.Unclear("mixes a cancellation with a change");
        }

        var kept = new List<ReplyToken>();
        var group = new List<ReplyToken>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind != TokenKind.ChangeMarker)
            {
                group.Add(token);
                continue;
            }

            var next = k + 1 < tokens.Count ? tokens[k + 1] : null;
            if (next?.Kind == TokenKind.Item && group.Any(t => t.Kind == TokenKind.Item))
            {
                return ParsedReply.Unclear("swaps one item for another");
            }

            if (next is { Kind: TokenKind.Quantity, Form: QuantityForm.ChangeTo })
            {
                // What came before the new count in this part is the old count: drop it.
                var everything = group.Any(t => t.Kind == TokenKind.AllWord);
                kept.AddRange(group.Where(t => t.Kind == TokenKind.Item));
                kept.Add(everything ? next with { Kind = TokenKind.Each } : next);
                group.Clear();
                k++;
            }
        }

        kept.AddRange(group);
        var binding = QuantityBinder.Bind(kept.Where(t => t.Kind is TokenKind.Item or TokenKind.Quantity or TokenKind.Each));
        if (binding.Claims.Count == 0)
        {
            return ParsedReply.Unclear("a change without a new quantity");
        }

        var unknowns = tokens.Where(t => t.Kind == TokenKind.Unknown).ToList();
        if (resolver.TryResolve(binding, unknowns, setting: true, out var lines) is { } problem)
        {
            return ParsedReply.Unclear(problem);
        }

        if (lines.All(l => l.Quantity == 0))
        {
            // "牛奶改成0": the resident wants none of it.
            return new ParsedReply(ReplyKind.Cancel, lines);
        }

        return lines.Any(l => l.Quantity == 0)
            ? ParsedReply.Unclear("a change to 0 together with other changes")
            : new ParsedReply(ReplyKind.Change, lines);
    }
}
