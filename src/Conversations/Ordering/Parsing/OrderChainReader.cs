using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Reads order chains (接龙): a header ("#接龙", "周四鲜果团购") followed by numbered lines. A
/// resident copies the whole chain and appends a line, so what they ordered is only what is new
/// against the chain before theirs. Lines are compared by their text, not their number, because
/// people renumber; the bot's own numbered preview reads as a chain too, and should be passed as
/// the previous chain when it is the latest one in the chat, so that a copy of it yields only the
/// lines the resident added.
/// </summary>
public static partial class OrderChainReader
{
    public static bool TryRead(string? text, [NotNullWhen(true)] out OrderChain? chain)
    {
        chain = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var header = new List<string>();
        var entries = new List<ChainEntry>();
        int? firstNumber = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().Trim('\u3000', '\u2005');
            if (line.Length == 0)
            {
                continue;
            }

            if (!TryNumbered(line, out var number, out var entry))
            {
                // Lines after the numbered ones ("例：王阿姨 苹果+2", "截单时间 20:00") are notes, not entries.
                if (firstNumber is null)
                {
                    header.Add(line);
                }

                continue;
            }

            firstNumber ??= number;
            if (entry.Length > 0)
            {
                entries.Add(new ChainEntry(number, entry));
            }
        }

        // A chain starts at 1 under a header ("1. 明天到货" on its own is just a message); under a
        // header that says 接龙, a copy that lost its first line is still a chain.
        if (header.Count == 0 || firstNumber is null || (firstNumber != 1 && !header.Exists(h => h.Contains("接龙", StringComparison.Ordinal))))
        {
            return false;
        }

        chain = new OrderChain(string.Join('\n', header), entries);
        return true;
    }

    /// <summary>
    /// The entries of <paramref name="current"/> whose text is not in <paramref name="previous"/>:
    /// copied lines, renumbered or re-spaced, are not new; a line that appears once more than before
    /// (two people ordering "苹果+1") is. Lines the copier dropped yield nothing.
    /// </summary>
    public static IReadOnlyList<ChainEntry> NewEntries(OrderChain? previous, OrderChain current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return current.Entries;
        }

        var copied = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in previous.Entries)
        {
            var key = Key(entry.Text);
            copied[key] = copied.GetValueOrDefault(key) + 1;
        }

        var added = new List<ChainEntry>();
        foreach (var entry in current.Entries)
        {
            var key = Key(entry.Text);
            if (copied.GetValueOrDefault(key) > 0)
            {
                copied[key]--;
            }
            else
            {
                added.Add(entry);
            }
        }

        return added;
    }

    /// <summary>
    /// Drops a leading display name so the order part remains: "王阿姨 苹果+2" → "苹果+2",
    /// "3栋李叔 4号+1" → "4号+1". A first word is only dropped when it has no count in it and what
    /// follows is an order on its own, so "苹果 +2" keeps its item.
    /// </summary>
    public static string StripName(string entryText)
    {
        ArgumentNullException.ThrowIfNull(entryText);
        var text = entryText.Trim();
        while (NameSeparator().Match(text) is { Success: true } separator)
        {
            var first = text[..separator.Index];
            var rest = text[(separator.Index + separator.Length)..].Trim();
            if (rest.Length == 0 || HasCount(ReplyText.Normalize(first)) || !IsWholeOrder(ReplyText.Normalize(rest)))
            {
                break;
            }

            text = rest;
        }

        return text;
    }

    private static bool TryNumbered(string line, out int number, out string entry)
    {
        number = 0;
        entry = string.Empty;

        // ① … ⑳: NFKC would make "①王阿姨" into "1王阿姨", which no longer shows where the number ends.
        if (line[0] is >= '\u2460' and <= '\u2473')
        {
            number = line[0] - '\u2460' + 1;
            entry = line[1..].Trim().Normalize(NormalizationForm.FormKC);
            return entry.Length > 0 || line.Length == 1;
        }

        var match = EntryNumber().Match(line.Normalize(NormalizationForm.FormKC));
        if (!match.Success || !int.TryParse(match.Groups["n"].ValueSpan, out number) || number < 1)
        {
            return false;
        }

        entry = match.Groups["text"].Value.Trim();
        return true;
    }

    internal static string Key(string entryText)
    {
        var normalized = ReplyText.Normalize(entryText);
        var key = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && !",.。、;:!~'\"“”‘’()（）".Contains(c, StringComparison.Ordinal))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private static bool HasCount(string text) => CountMark().IsMatch(text);

    // An order that stands without the word before it: a count and an item (a name or a number).
    private static bool IsWholeOrder(string text)
    {
        if (!HasCount(text))
        {
            return false;
        }

        if (ItemNumberMark().IsMatch(text))
        {
            return true;
        }

        var words = Fillers.Strip(CountMark().Replace(text, " "));
        return words.Any(char.IsLetter);
    }

    [GeneratedRegex(@"^(?<n>\d{1,3})(?:\.(?!\d)|、|\)|\]|:(?!\d)| )(?<text>.*)$")]
    private static partial Regex EntryNumber();

    [GeneratedRegex(@"[ \u3000]+|[:：,，]")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"(?:\+|加|x|\*|各|来|要|留) ?" + CountUnits.Number + "(?: ?" + CountUnits.Class + ")?|" + CountUnits.Number + " ?" + CountUnits.Class)]
    private static partial Regex CountMark();

    [GeneratedRegex(@"\d{1,2} ?号(?!楼|院)|第 ?" + CountUnits.Number + @"|^\d{1,2} ?(?:\+|加|x|\*)")]
    private static partial Regex ItemNumberMark();
}
