using System.Buffers;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Blanks out the numbers in a reply that are never quantities, before quantities are looked for:
/// phone numbers, addresses ("8栋201", "3号楼", "6-302"), specifications ("2L装", "500g",
/// "250ml*24盒", "24盒一箱"), prices ("¥12.8", "10元/斤"), times and dates ("10:30", "3点", "周四").
/// Blanks keep every position, so what is found later still points into the same text.
/// </summary>
internal static partial class NotQuantities
{
    private const string N = CountUnits.Number;
    private const string U = CountUnits.Class;

    // Every pattern needs a number, or a weekday (周日, 星期天, 礼拜天).
    private static readonly SearchValues<char> NumberOrWeekday = SearchValues.Create("0123456789" + ChineseNumber.NumeralChars + "周期拜");

    public static void Mask(char[] buffer)
    {
        // Chatter, cancellations and counts in Chinese numerals (牛奶两箱) skip all or half of the patterns.
        var digits = buffer.AsSpan().ContainsAnyInRange('0', '9');
        if (!digits && !buffer.AsSpan().ContainsAny(NumberOrWeekday))
        {
            return;
        }

        // Each pattern sees the text as the patterns before it left it, all its matches found
        // before any is blanked; read in place, without a string per pattern (this runs per reply).
        // Matches do not overlap and none is empty, so there are never more of them than characters.
        var found = buffer.Length <= 128 ? stackalloc (int Index, int Length)[buffer.Length] : new (int, int)[buffer.Length];
        foreach (var (pattern, needsDigits) in Patterns)
        {
            if (needsDigits && !digits)
            {
                continue;
            }

            var count = 0;
            foreach (var match in pattern.EnumerateMatches(buffer))
            {
                found[count++] = (match.Index, match.Length);
            }

            foreach (var (index, length) in found[..count])
            {
                Array.Fill(buffer, ' ', index, length);
            }
        }
    }

    // Order matters: a phone number must go before its digits look like a room, a price before its
    // decimal, a spec before its count looks like a quantity. The flag: it cannot match without ASCII digits.
    private static readonly (Regex Pattern, bool NeedsDigits)[] Patterns =
    [
        (Phone(), true), (LongDigits(), true), (Price(), false), (CountBeforePrice(), true), (Measure(), false),
        (Pack(), false), (Address(), false), (RoomPair(), true), (Time(), false), (Decimal(), true),
    ];

    [GeneratedRegex(@"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex Phone();

    // Not right after "+" or "加": "苹果+100000" is a count out of range, to be asked back about.
    [GeneratedRegex(@"(?<!\d)(?<!(?:\+|加) ?)\d{5,}")]
    private static partial Regex LongDigits();

    // "¥29.9/箱", "¥39.9 5斤", "10元/斤": a count right after a price is what the price buys.
    [GeneratedRegex(@"[¥$] ?\d+(?:\.\d+)?(?: ?/? ?(?:" + N + ")? ?" + U + ")?|" + N + @"(?:\.\d+)? ?(?:元|块钱|rmb|毛钱)(?: ?/ ?(?:" + N + ")? ?" + U + ")?|" + @"\d+块\d")]
    private static partial Regex Price();

    // "3斤10元", "2盒¥20": the count belongs to the price, as in a listing.
    [GeneratedRegex(N + " ?" + U + @" ?(?:[¥$] ?\d+(?:\.\d+)?|\d+(?:\.\d+)? ?(?:元|块钱))")]
    private static partial Regex CountBeforePrice();

    [GeneratedRegex(N + @"(?:\.\d+)? ?(?:ml|毫升|l|升|kg|g|克|千克|公斤|cm|厘米|mm|毫米|寸|英寸)(?![a-z])(?: ?[x*] ?\d+ ?" + U + "?)?(?: ?装)?")]
    private static partial Regex Measure();

    // "6瓶装", "1.5斤装", "30枚", "24盒一箱", "6瓶/箱", "一箱24盒", "每箱12瓶"; in "两箱 每箱5斤" the
    // first count is an order and only "每箱5斤" describes the goods.
    [GeneratedRegex(N + @"(?:\.\d+)? ?" + U + " ?装|" + N + " ?(?:入|枚|粒|片)装?|" + N + " ?" + U + " ?(?:/|一|每) ?" + U + @"(?! ?\d)|(?:每|一|/) ?" + U + @" ?(?:有|装)? ?\d+ ?" + U)]
    private static partial Regex Pack();

    // The room after a building needs two digits and no measure word, so "6号楼 2份" keeps its 2份.
    [GeneratedRegex("(?:" + N + " ?(?:号楼|号院|号门|号铺|栋|幢|楼|座|单元|室|层|期|区|排|弄|巷|户) ?-? ?)+" + @"(?:\d{2,4}(?!\d)(?! ?" + U + @")(?: ?- ?\d+)? ?(?:室|号|户)?)?")]
    private static partial Regex Address();

    // "1-3号" is a range of items, not a room.
    [GeneratedRegex(@"(?<!\d)\d+ ?[-#] ?\d+(?!\d)(?: ?[-#] ?\d+(?!\d))*(?! ?号)")]
    private static partial Regex RoomPair();

    [GeneratedRegex(@"\d{1,2} ?: ?\d{2}|" + N + @" ?点(?: ?(?:半|钟|\d+ ?分?|[一二三四五]十分?))?|" + N + " ?月(?: ?" + N + " ?[日号])?|" + N + " ?(?:日|天|小时|分钟|周|个月|个星期|年|岁|度|折|%)|(?:周|星期|礼拜) ?[一二三四五六日天1-7]")]
    private static partial Regex Time();

    // A decimal after "+", "加" or "x", or before a measure word ("1.5斤"), is kept so the parser
    // can say a fraction is not a quantity.
    [GeneratedRegex(@"(?<![\d.])(?<![+加x*] ?)\d+\.\d+(?!\d)(?! ?号)(?! ?" + U + ")")]
    private static partial Regex Decimal();
}
