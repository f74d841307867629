using System.Runtime.CompilerServices;

namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Finds items by what residents call them. Exact names and aliases come first, longest first,
/// so "红富士苹果" wins over "苹果" when both are items; a word that is only part of a name
/// ("牛奶" for "纯牛奶") is matched afterwards, and only if exactly one item contains it.
/// </summary>
internal sealed class ItemNames
{
    // Every reply to a campaign is read against the same catalog: normalising its names once
    // instead of per reply is most of a reply's cost saved. Keyed by the catalog instance, which
    // the parser treats as immutable, and let go with it.
    private static readonly ConditionalWeakTable<Catalog, ItemNames> Cache = new();

    private readonly List<(int ItemNo, string Term)> terms = [];
    private readonly List<(int ItemNo, string Specification)> specifications = [];

    private ItemNames(Catalog catalog)
    {
        foreach (var item in catalog.Items)
        {
            foreach (var word in item.Aliases.Prepend(item.Name))
            {
                var term = ReplyText.Normalize(word);
                if (term.Length > 0 && !terms.Contains((item.ItemNo, term)))
                {
                    terms.Add((item.ItemNo, term));
                }
            }

            specifications.AddRange(Specifications(ReplyText.Normalize(item.Name)).Distinct().Select(spec => (item.ItemNo, spec)));
        }
    }

    /// <summary>
    /// Blanks the item's own specification where a resident repeats it beside the name: "10斤大米+1",
    /// "大米10斤 两袋" and "10斤的大米" for 东北大米10斤装 order bags, not 10 of them. The same count
    /// beside an item without it in its name ("五花肉2斤") stays a quantity.
    /// </summary>
    public void BlankOwnSpecifications(char[] text, IReadOnlyList<ItemMention> mentions)
    {
        foreach (var mention in mentions)
        {
            foreach (var (itemNo, spec) in specifications)
            {
                if (!mention.ItemNos.Contains(itemNo))
                {
                    continue;
                }

                var after = mention.Start + mention.Length;
                while (after < text.Length && text[after] == ' ')
                {
                    after++;
                }

                if (text.AsSpan(after).StartsWith(spec))
                {
                    // "花生油5L装两桶": the 装 goes with the specification.
                    var end = after + spec.Length;
                    Array.Fill(text, ' ', after, end < text.Length && text[end] == '装' ? spec.Length + 1 : spec.Length);
                }

                var before = mention.Start;
                while (before > 0 && text[before - 1] is ' ' or '的')
                {
                    before--;
                }

                var start = before - spec.Length;
                if (start >= 0 && text.AsSpan(start, spec.Length).SequenceEqual(spec) && (start == 0 || !char.IsAsciiDigit(text[start - 1])))
                {
                    Array.Fill(text, ' ', start, spec.Length);
                }
            }
        }
    }

    public static ItemNames Of(Catalog catalog) => Cache.GetValue(catalog, c => new ItemNames(c));

    /// <summary>Every name or alias written out in full, longest first, without overlaps.</summary>
    public IReadOnlyList<ItemMention> FindExact(string text)
    {
        var candidates = new List<(int Start, int Length, int ItemNo)>();
        foreach (var (itemNo, term) in terms)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                candidates.Add((at, term.Length, itemNo));
            }
        }

        var chosen = new List<ItemMention>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Start))
        {
            var end = candidate.Start + candidate.Length;
            var overlapping = chosen.FindIndex(m => m.Start < end && candidate.Start < m.Start + m.Length);
            if (overlapping < 0)
            {
                chosen.Add(new ItemMention(candidate.Start, candidate.Length, [candidate.ItemNo], text.Substring(candidate.Start, candidate.Length)));
                continue;
            }

            // Two items spelled by the same letters ("苹果汁" against 苹果 and 果汁, or one alias
            // given to two items) cannot be told apart: remember both so the reply asks.
            var other = chosen[overlapping];
            if (other.Length == candidate.Length && !other.ItemNos.Contains(candidate.ItemNo))
            {
                var start = Math.Min(other.Start, candidate.Start);
                var length = Math.Max(other.Start + other.Length, end) - start;
                chosen[overlapping] = new ItemMention(start, length, [.. other.ItemNos, candidate.ItemNo], text.Substring(start, length));
            }
        }

        return [.. chosen.OrderBy(m => m.Start)];
    }

    /// <summary>
    /// Splits a word nobody spelled in full into the parts that items contain: the longest part
    /// first (two characters at least, unless the whole word is one character, like "奶").
    /// Parts that fit no item are left out.
    /// </summary>
    public IReadOnlyList<ItemMention> FindPartial(string word, int offset)
    {
        // "有机奶" for 有机纯牛奶, "散养鸡蛋" for 散养土鸡蛋: a short name that keeps the letters of
        // one item's name in order is that item, rather than two parts of it counted twice.
        if (word.Length >= 2 && ItemsContaining(word).Count == 0 && ItemsShortenedTo(word) is [var itemNo])
        {
            return [new ItemMention(offset, word.Length, [itemNo], word)];
        }

        var found = new List<ItemMention>();
        Split(word, offset, word.Length == 1, found);
        return [.. found.OrderBy(m => m.Start)];
    }

    private void Split(string word, int offset, bool singleAllowed, List<ItemMention> found)
    {
        var shortest = singleAllowed ? 1 : 2;
        for (var length = word.Length; length >= shortest; length--)
        {
            for (var start = 0; start + length <= word.Length; start++)
            {
                var part = word.Substring(start, length);
                var items = ItemsContaining(part);
                if (items.Count == 0)
                {
                    continue;
                }

                Split(word[..start], offset, singleAllowed: false, found);
                found.Add(new ItemMention(offset + start, length, items, part));
                Split(word[(start + length)..], offset + start + length, singleAllowed: false, found);
                return;
            }
        }
    }

    // "10斤", "30枚", "500g", "2l": a number in a name and the unit written after it.
    private static IEnumerable<string> Specifications(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) || (i > 0 && char.IsAsciiDigit(name[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < name.Length && (char.IsAsciiDigit(name[end]) || name[end] == '.'))
            {
                end++;
            }

            var unitEnd = end;
            while (unitEnd < name.Length && char.IsAsciiLetterLower(name[unitEnd]))
            {
                unitEnd++;
            }

            if (unitEnd == end && end < name.Length && char.IsLetter(name[end]))
            {
                unitEnd = end + 1;
            }

            if (unitEnd > end)
            {
                yield return name[i..unitEnd];
            }
        }
    }

    private List<int> ItemsShortenedTo(string word) =>
        [.. terms.Where(t => IsInOrder(word, t.Term)).Select(t => t.ItemNo).Distinct()];

    private static bool IsInOrder(string word, string term)
    {
        var at = 0;
        foreach (var c in word)
        {
            at = term.IndexOf(c, at) + 1;
            if (at == 0)
            {
                return false;
            }
        }

        return true;
    }

    private List<int> ItemsContaining(string part) =>
        [.. terms.Where(t => t.Term.Contains(part, StringComparison.Ordinal)).Select(t => t.ItemNo).Distinct()];
}
