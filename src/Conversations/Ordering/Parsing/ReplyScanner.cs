using System.Globalization;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Takes a normalised reply apart: item names first (so "五花肉" is never read as five), then the
/// numbers that are not quantities are blanked, then counts, item numbers and the words that turn
/// an order into a change or a cancellation are read left to right, and last the remaining words
/// next to a count are tried as parts of item names.
/// </summary>
internal static partial class ReplyScanner
{
    /// <summary>Stands in for the letters of an item name once it has been found.</summary>
    public const char ItemMark = '\uE000';

    private const string N = CountUnits.Number;
    private const string NF = CountUnits.NumberWithFraction;
    private const string U = CountUnits.Class;
    private const string CountTail = "(?<n>(?>" + NF + @"))(?! ?号)(?: ?(?<u>" + U + "))?";

    // After "+" a long run of digits is still meant as a count ("苹果+100000"), one to ask back about.
    private const string PlusCountTail = @"(?<n>(?>\d{5,}|" + NF + @"))(?! ?号)(?: ?(?<u>" + U + "))?";
    private const string Verbs = "帮我留|给我留|帮我来|给我来|帮我要|帮留|再来|来|要|订|买|拿|留";

    // After these, "要" and "来" are parts of other words: 不要, 只要, 需要, 重要; 起来, 回来, 原来.
    private const string NotBeforeYao = "不只需重主必快紧首概";
    private const string NotBeforeLai = "起回出过下上进原本后将未看带";

    // A Chinese numeral with no measure word ends an order only before these; "加一下" is not "+1".
    private const string Particles = "了吧啦呀哈哦噢嘛的啊呢吗";

    public static ScannedReply Scan(string text, ItemNames names, Catalog catalog)
    {
        var buffer = text.ToCharArray();
        var tokens = new List<ReplyToken>();
        var mentions = names.FindExact(text);
        foreach (var mention in mentions)
        {
            tokens.Add(Item(mention));
            Array.Fill(buffer, ItemMark, mention.Start, mention.Length);
        }

        names.BlankOwnSpecifications(buffer, mentions);

        NotQuantities.Mask(buffer);
        var masked = new string(buffer);
        for (var i = 0; i < masked.Length;)
        {
            var consumed = masked[i] is ItemMark or ' ' or '\n' ? 0 : Read(masked, i, catalog, tokens);
            i += Math.Max(1, consumed);
        }

        InReadingOrder(tokens);
        var others = LeftoverWords.Place(masked, tokens, names);
        LabelledItems.Join(tokens, masked);
        return new ScannedReply(masked, tokens, others);
    }

    /// <summary>Sorts by position, keeping tokens that share one ("1到3号") in the order they were read.</summary>
    internal static void InReadingOrder(List<ReplyToken> tokens)
    {
        var sorted = tokens.OrderBy(t => t.Start).ToList();
        tokens.Clear();
        tokens.AddRange(sorted);
    }

    internal static ReplyToken Item(ItemMention mention) =>
        new(TokenKind.Item, mention.Start, mention.Start + mention.Length, mention.Text) { ItemNos = mention.ItemNos };

    /// <summary>Reads whatever starts at <paramref name="i"/>; returns how many characters it took (0: nothing).</summary>
    private static int Read(string s, int i, Catalog catalog, List<ReplyToken> tokens)
    {
        Match m;
        if ((m = SameAsOthers().Match(s, i)).Success)
        {
            tokens.Add(new ReplyToken(TokenKind.SameAsOthers, i, i + m.Length, m.Value));
            return m.Length;
        }

        if (ReadItemNumbers(s, i, catalog, tokens) is > 0 and var taken)
        {
            return taken;
        }

        if ((m = Plus().Match(s, i)).Success)
        {
            return Add(tokens, Count(TokenKind.Quantity, QuantityForm.Plus, s, m), m);
        }

        if ((m = Decrease().Match(s, i)).Success && (s[i] != '-' || i == 0 || !char.IsAsciiDigit(s[i - 1])))
        {
            // Written like "+1", and as sure a sign of ordering; only the direction differs.
            return Add(tokens, Count(TokenKind.Decrease, QuantityForm.Plus, s, m), m);
        }

        if ((m = Each().Match(s, i)).Success || (m = EachPlus().Match(s, i)).Success)
        {
            return Add(tokens, Count(TokenKind.Each, QuantityForm.Each, s, m), m);
        }

        if ((m = Cancel().Match(s, i)).Success)
        {
            return ReadCancel(s, i, m, tokens);
        }

        if ((m = Change().Match(s, i)).Success)
        {
            return ReadChange(s, i, m, tokens);
        }

        if ((m = VerbCount().Match(s, i)).Success && VerbFits(s, i))
        {
            return Add(tokens, Count(TokenKind.Quantity, QuantityForm.Verb, s, m), m);
        }

        if ((m = Verb().Match(s, i)).Success && VerbFits(s, i) && ItemFollows(s, i + m.Length))
        {
            tokens.Add(new ReplyToken(TokenKind.OrderVerb, i, i + m.Length, m.Value));
            return m.Length;
        }

        if ((m = AllWord().Match(s, i)).Success)
        {
            tokens.Add(new ReplyToken(TokenKind.AllWord, i, i + m.Length, m.Value));
            return m.Length;
        }

        if (!StartsNumber(s, i) || AfterNumber(s, i))
        {
            return 0;
        }

        if ((m = UnitCount().Match(s, i)).Success)
        {
            return Add(tokens, Count(TokenKind.Quantity, QuantityForm.Unit, s, m), m);
        }

        if ((m = CountBeforeItem().Match(s, i)).Success)
        {
            return Add(tokens, Count(TokenKind.Quantity, QuantityForm.Unit, s, m), m);
        }

        if ((m = BareNumber().Match(s, i)).Success && FollowsItem(s, i, tokens))
        {
            return Add(tokens, Count(TokenKind.Quantity, QuantityForm.Bare, s, m), m);
        }

        return 0;
    }

    /// <summary>"第4个", "4号", "1、2、3号", "1到3号", and "4" in "4+1".</summary>
    private static int ReadItemNumbers(string s, int i, Catalog catalog, List<ReplyToken> tokens)
    {
        Match m;
        if ((m = Ordinal().Match(s, i)).Success && NumberedItem(m, m.Groups["n"], catalog) is { } ordinal)
        {
            tokens.Add(ordinal);
            return m.Length;
        }

        // Nothing starts inside a number, and "11月25号" is a date.
        if (!StartsNumber(s, i) || AfterNumber(s, i) || (i > 0 && s[i - 1] == '月'))
        {
            return 0;
        }

        if ((m = NumberRange().Match(s, i)).Success)
        {
            var from = int.Parse(m.Groups["from"].ValueSpan, CultureInfo.InvariantCulture);
            var to = int.Parse(m.Groups["to"].ValueSpan, CultureInfo.InvariantCulture);
            if (from >= 1 && to > from && to - from <= 20)
            {
                // Every item in between, each its own token so "各一份" reaches them all.
                tokens.AddRange(Enumerable.Range(from, to - from + 1).Select(n => NumberedItem(m.Index, m.Index + m.Length, n, catalog)));
                return m.Length;
            }
        }

        if ((m = NumberedItems().Match(s, i)).Success)
        {
            // "1、2、3号各一份": every number in the list is an item, not only the one before 号.
            var numbers = m.Groups["n"].Captures;
            for (var c = 0; c < numbers.Count; c++)
            {
                var end = c + 1 < numbers.Count ? numbers[c + 1].Index : m.Index + m.Length;
                tokens.Add(NumberedItem(numbers[c].Index, end, int.Parse(numbers[c].ValueSpan, CultureInfo.InvariantCulture), catalog));
            }

            return m.Length;
        }

        if (((m = SingleNumberedItem().Match(s, i)).Success || (StartsClause(s, i) && (m = LeadingItemNumber().Match(s, i)).Success))
            && NumberedItem(m, m.Groups["n"], catalog) is { } numbered)
        {
            tokens.Add(numbered);
            return m.Length;
        }

        return 0;
    }

    private static ReplyToken? NumberedItem(Match m, Group number, Catalog catalog) =>
        ChineseNumber.TryRead(number.Value, out var value) && value >= 1 ? NumberedItem(m.Index, m.Index + m.Length, value, catalog) : null;

    private static ReplyToken NumberedItem(int start, int end, int value, Catalog catalog) =>
        new(TokenKind.Item, start, end, value + "号")
        {
            ByNumber = true,
            Value = value,
            NumberText = value.ToString(CultureInfo.InvariantCulture),
            ItemNos = catalog.Contains(value) ? [value] : [],
        };

    private static int ReadCancel(string s, int i, Match m, List<ReplyToken> tokens)
    {
        var end = i + m.Length;
        var tail = CountAfterMarker().Match(s, end);
        var partial = tail.Success ? Count(TokenKind.CancelMarker, QuantityForm.Unit, s, tail) : null;
        if (partial is not null)
        {
            tokens.Add(partial with { Start = i, Text = s[i..(tail.Index + tail.Length)] });
            return tail.Index + tail.Length - i;
        }

        // A bare "不要" cancels only when an item, "这个" or the end follows: "不要客气" is politeness.
        var tentative = m.Value == "不要" && !CancelTargetFollows(s, end);
        tokens.Add(new ReplyToken(TokenKind.CancelMarker, i, end, m.Value) { Tentative = tentative });
        return m.Length;
    }

    private static int ReadChange(string s, int i, Match m, List<ReplyToken> tokens)
    {
        var end = i + m.Length;
        var tail = NewCount().Match(s, end);
        var count = tail.Success ? Count(TokenKind.Quantity, QuantityForm.ChangeTo, s, tail) : null;
        if (count is null && m.Value is "改" or "只要")
        {
            // "改天", "改一下地址", "只要牛奶": no new count, so not a change of quantity.
            return m.Length;
        }

        tokens.Add(new ReplyToken(TokenKind.ChangeMarker, i, end, m.Value));
        if (count is null)
        {
            return m.Length;
        }

        tokens.Add(count);
        return tail.Index + tail.Length - i;
    }

    private static int Add(List<ReplyToken> tokens, ReplyToken? token, Match m)
    {
        if (token is null)
        {
            return 0;
        }

        tokens.Add(token);
        return m.Length;
    }

    /// <summary>A count token from a match with a group "n" (the number) and maybe "u" (the measure word).</summary>
    private static ReplyToken? Count(TokenKind kind, QuantityForm form, string s, Match m)
    {
        var number = m.Groups["n"];
        var unit = m.Groups["u"];
        if (!unit.Success && !char.IsAsciiDigit(number.Value[0]) && !EndsCleanly(s, number.Index + number.Length))
        {
            return null;
        }

        var token = new ReplyToken(kind, m.Index, m.Index + m.Length, m.Value) { Form = form, NumberText = number.Value };
        if (number.Value.Contains('.', StringComparison.Ordinal))
        {
            return token with { Fractional = true };
        }

        if (ChineseNumber.TryRead(number.Value, out var value))
        {
            return token with { Value = value };
        }

        if (number.Value.All(char.IsAsciiDigit))
        {
            return token with { Oversized = true };
        }

        return ChineseNumber.IsApproximate(number.Value) ? token with { Approximate = true } : null;
    }

    private static bool EndsCleanly(string s, int next) =>
        next >= s.Length || s[next] is ItemMark or ' ' or '\n' || !char.IsLetter(s[next]) || char.IsAscii(s[next])
        || Particles.Contains(s[next], StringComparison.Ordinal);

    private static bool StartsNumber(string s, int i) => char.IsAsciiDigit(s[i]) || ChineseNumber.IsNumeralChar(s[i]);

    private static bool AfterNumber(string s, int i) => i > 0 && StartsNumber(s, i - 1);

    // "4+1" leads its clause or follows a blank ("1+1 3+2", "王阿姨 3+1"); "王阿姨3+1" is too unsure.
    private static bool StartsClause(string s, int i) => i == 0 || s[i - 1] == ' ' || Clauses.IsSeparator(s[i - 1]);

    private static bool VerbFits(string s, int i) => i == 0 || s[i] switch
    {
        '要' => !NotBeforeYao.Contains(s[i - 1], StringComparison.Ordinal),
        '来' => !NotBeforeLai.Contains(s[i - 1], StringComparison.Ordinal),
        '留' => s[i - 1] is not ('保' or '停' or '逗'),
        _ => true,
    };

    // "要牛奶", "来个面包", "要2号": a verb counts as "one" only when what follows can be an item.
    private static bool ItemFollows(string s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length)
        {
            return false;
        }

        var c = s[i];
        return c == ItemMark || c == '第' || (StartsNumber(s, i) && SingleNumberedItem().Match(s, i).Success)
            || (char.IsLetter(c) && !ChineseNumber.IsNumeralChar(c) && !"了吧啊呢吗啦不过去到起走是的单求说言自".Contains(c, StringComparison.Ordinal));
    }

    private static bool CancelTargetFollows(string s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length || s[i] == ItemMark || !char.IsLetterOrDigit(s[i]))
        {
            return true;
        }

        return "这那第了啦吧啊".Contains(s[i], StringComparison.Ordinal) || (StartsNumber(s, i) && SingleNumberedItem().Match(s, i).Success);
    }

    private static bool FollowsItem(string s, int i, List<ReplyToken> tokens)
    {
        var j = i - 1;
        while (j >= 0 && s[j] == ' ')
        {
            j--;
        }

        return j >= 0 && (s[j] == ItemMark || tokens.Any(t => t.Kind == TokenKind.Item && t.End == j + 1));
    }

    // "同上", "跟楼上一样", "和她一样": the order is in someone else's message.
    [GeneratedRegex(@"\G(?:同上|同楼上|我也一样|我也是一样|(?:跟|和|同)[^\s,.。!?\uE000]{1,4}?一样)")]
    private static partial Regex SameAsOthers();

    [GeneratedRegex(@"\G第 ?(?<n>(?>" + N + ")) ?(?:个|号|样|款|种)?")]
    private static partial Regex Ordinal();

    // "4号", but not "3号楼" (an address the masks missed) or "4号线".
    [GeneratedRegex(@"\G(?<n>(?>" + N + ")) ?号(?!楼|院|门|铺|线|床|房|店|车|口|窗|柜|码|机|位)")]
    private static partial Regex SingleNumberedItem();

    [GeneratedRegex(@"\G(?<from>\d{1,2}) ?(?:到|至|-|~) ?(?<to>\d{1,2}) ?号(?!楼|院|门)")]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"\G(?<n>\d{1,2}) ?(?:[,、/.和及] ?(?<n>\d{1,2}) ?)+号(?!楼|院|门)")]
    private static partial Regex NumberedItems();

    // "4+1", "4 x2": an item number leading a clause, then the count.
    [GeneratedRegex(@"\G(?<n>\d{1,2}) ?(?=(?:\+|加|[x*]) ?" + N + ")")]
    private static partial Regex LeadingItemNumber();

    [GeneratedRegex(@"\G(?:\+|加|(?<![a-z])[x*]) ?" + PlusCountTail)]
    private static partial Regex Plus();

    [GeneratedRegex(@"\G(?:-|减|少要|(?<![至多不])少) ?" + CountTail)]
    private static partial Regex Decrease();

    [GeneratedRegex(@"\G(?:各|每样|每种|每款|每个|每一样|一样(?= ?(?:各|都)? ?(?:来|要))|全部|全都|所有的?|全(?= ?[各都要来])|都) ?(?:各|都)? ?(?:来|要|订|买)? ?" + CountTail)]
    private static partial Regex Each();

    // "各+1", "每样加一", "全部+1". A bare "都" is left out: "大家都+1啊" calls on everyone.
    [GeneratedRegex(@"\G(?:各|每样|每种|每款|每一样|全部|全都|所有的?) ?(?:都 ?)?(?:\+|加) ?" + CountTail)]
    private static partial Regex EachPlus();

    [GeneratedRegex(@"\G(?:取消|不想要了|不要了|不要啦|退掉|退了|退订|不买了|不订了|不跟了|删掉|删了|删除|撤销|撤单|不要|退(?!款|货|钱|费|换))")]
    private static partial Regex Cancel();

    [GeneratedRegex(@"\G ?" + CountTail)]
    private static partial Regex CountAfterMarker();

    [GeneratedRegex(@"\G(?:改成|改为|改到|改作|换成|变成|调成|调为|调整为|修改为|更改为|改|只要)")]
    private static partial Regex Change();

    [GeneratedRegex(@"\G ?\+? ?" + CountTail)]
    private static partial Regex NewCount();

    [GeneratedRegex(@"\G(?:" + Verbs + ") ?" + CountTail)]
    private static partial Regex VerbCount();

    [GeneratedRegex(@"\G(?:" + Verbs + ")(?: ?(?:个|份))?")]
    private static partial Regex Verb();

    [GeneratedRegex(@"\G(?:全部|全都|所有|统统|都|全(?= ?(?:取消|不要|退|删|改)))")]
    private static partial Regex AllWord();

    [GeneratedRegex(@"\G(?<n>(?>" + NF + ")) ?(?<u>" + U + ")")]
    private static partial Regex UnitCount();

    // "两包子", "3牛奶": a count right before an item name.
    [GeneratedRegex(@"\G(?<n>(?>" + N + @")) ?(?=\uE000)")]
    private static partial Regex CountBeforeItem();

    // "牛奶2", "牛奶俩": a number right after an item. A numeral that runs on into a word ("牛奶一直")
    // is refused by the check that it ends cleanly.
    [GeneratedRegex(@"\G(?<n>\d{1,2}(?![\d.])|[一二两俩仨三四五六七八九十]{1,3})(?! ?号)")]
    private static partial Regex BareNumber();
}
