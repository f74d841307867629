namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Words no exact name took. Next to a count, a change or a cancellation they are probably an
/// item typed short ("牛奶+1" for 纯牛奶, "奶+1"), so they are tried as parts of item names; a word
/// there that fits nothing becomes an Unknown token the reason can quote. Words elsewhere (a
/// name before the order, an address, chatter) are only kept so the parser knows they are there.
/// </summary>
internal static class LeftoverWords
{
    private const string Gaps = " 、/&";

    public static IReadOnlyList<LooseWord> Place(string text, List<ReplyToken> tokens, ItemNames names)
    {
        var owner = new int[text.Length];
        Array.Fill(owner, -1);
        for (var t = 0; t < tokens.Count; t++)
        {
            Array.Fill(owner, t, tokens[t].Start, tokens[t].End - tokens[t].Start);
        }

        var added = new List<ReplyToken>();
        var others = new List<LooseWord>();
        foreach (var (start, end) in Pieces(text, owner))
        {
            var piece = text[start..end];
            if (Fillers.IsFiller(piece))
            {
                continue;
            }

            if (!NextToAnchor(text, owner, tokens, start, end))
            {
                others.Add(new LooseWord(start, Fillers.Strip(piece)));
                continue;
            }

            var covered = start;
            foreach (var mention in names.FindPartial(piece, start))
            {
                Unplaced(text, covered, mention.Start, added, others);
                added.Add(ReplyScanner.Item(mention));
                covered = mention.Start + mention.Length;
            }

            Unplaced(text, covered, end, added, others);
        }

        tokens.AddRange(added);
        ReplyScanner.InReadingOrder(tokens);
        return others;
    }

    private static void Unplaced(string text, int start, int end, List<ReplyToken> added, List<LooseWord> others)
    {
        var word = Fillers.Strip(text[start..end]);
        if (word.Length == 0)
        {
            return;
        }

        added.Add(new ReplyToken(TokenKind.Unknown, start, end, word));
        others.Add(new LooseWord(start, word));
    }

    private static IEnumerable<(int Start, int End)> Pieces(string text, int[] owner)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLoose(text, owner, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsLoose(text, owner, i))
            {
                i++;
            }

            yield return (start, i);
        }
    }

    private static bool IsLoose(string text, int[] owner, int i) =>
        owner[i] < 0 && text[i] != ReplyScanner.ItemMark && char.IsLetter(text[i]);

    private static bool NextToAnchor(string text, int[] owner, List<ReplyToken> tokens, int start, int end)
    {
        var left = start - 1;
        while (left >= 0 && owner[left] < 0 && (IsLoose(text, owner, left) || Gaps.Contains(text[left], StringComparison.Ordinal)))
        {
            left--;
        }

        var right = end;
        while (right < text.Length && owner[right] < 0 && (IsLoose(text, owner, right) || Gaps.Contains(text[right], StringComparison.Ordinal)))
        {
            right++;
        }

        return (left >= 0 && IsAnchor(owner[left], tokens)) || (right < text.Length && IsAnchor(owner[right], tokens));
    }

    private static bool IsAnchor(int index, List<ReplyToken> tokens) => index >= 0 && tokens[index].Kind is
        TokenKind.Quantity or TokenKind.Each or TokenKind.Decrease or TokenKind.OrderVerb or TokenKind.ChangeMarker or TokenKind.CancelMarker;
}
