namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Reads the numbers people type in orders: ASCII digits ("12") and Chinese numerals ("两", "俩",
/// "仨", "十二", "二十五", "九十九", "一百零一"). Microsoft.Recognizers.Text.Number would cover this
/// but does not restore from our package feed, and quantities in a group chat stay below a few
/// hundred, so this small reader of our own is enough; its tests pin every form it accepts.
/// </summary>
internal static class ChineseNumber
{
    /// <summary>Characters that may make up a Chinese numeral (used to find where one ends).</summary>
    public const string NumeralChars = "零〇一二两俩仨三四五六七八九十百";

    public static bool IsNumeralChar(char c) => NumeralChars.Contains(c, StringComparison.Ordinal);

    /// <summary>True when the whole of <paramref name="text"/> is one number.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            // Longer digit runs are phone numbers, order numbers or rooms, never quantities.
            return text.Length <= 6 && int.TryParse(text, System.Globalization.NumberStyles.None, null, out value);
        }

        return TryReadChinese(text, out value);
    }

    /// <summary>
    /// "两三", "三四个", "一两": two neighbouring digits mean "two or three", a guess the bot should
    /// ask about rather than pick from.
    /// </summary>
    public static bool IsApproximate(ReadOnlySpan<char> text) =>
        text.Length == 2 && Digit(text[0]) is > 0 and var first && Digit(text[1]) is > 0 and var second && second > first;

    private static bool TryReadChinese(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        var total = 0;
        var digit = -1;
        var lastUnit = int.MaxValue;
        var afterZero = false;
        foreach (var c in text)
        {
            if (c is '零' or '〇')
            {
                // Only inside a number ("一百零一"), never leading or doubled.
                if (lastUnit != 100 || digit != -1 || afterZero)
                {
                    return false;
                }

                afterZero = true;
                continue;
            }

            var d = Digit(c);
            if (d > 0)
            {
                if (digit != -1)
                {
                    return false;
                }

                digit = d;
                continue;
            }

            var unit = c switch
            {
                '十' => 10,
                '百' => 100,
                _ => 0,
            };
            if (unit == 0 || unit >= lastUnit || (unit == 100 && digit == -1))
            {
                return false;
            }

            // "十二" leaves the tens digit out; "一百一十" and "一百十" both mean 110.
            total += (digit == -1 ? 1 : digit) * unit;
            digit = -1;
            lastUnit = unit;
            afterZero = false;
        }

        if (digit != -1)
        {
            // "一百二" is 120 in speech; after "零" the digit is units again ("一百零二").
            total += lastUnit == 100 && !afterZero ? digit * 10 : digit;
        }

        value = total;
        return total > 0;
    }

    private static int Digit(char c) => c switch
    {
        '一' => 1,
        '二' or '两' or '俩' => 2,
        '三' or '仨' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };
}
