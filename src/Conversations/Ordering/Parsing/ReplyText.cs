using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Brings what people type to one spelling before anything is read: full-width forms to ASCII
/// ("＋２" → "+2"), the emoji plus and times signs to "+" and "x", emoji and WeChat sticker codes
/// ("[动画表情]") dropped, every blank but a line break to one space, lower case.
/// </summary>
internal static partial class ReplyText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var mapped = Map(rune);
            if (mapped is { } c)
            {
                builder.Append(c);
            }
            else if (!IsDecoration(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var plain = StickerCode().Replace(builder.ToString(), " ");
        plain = Blanks().Replace(plain, " ");
        plain = BlankLines().Replace(plain, "\n");
        return plain.Trim().ToLowerInvariant();
    }

    private static char? Map(Rune rune) => rune.Value switch
    {
        0x2795 => '+',                                  // ➕
        0x2796 or 0x2212 or 0xFE63 => '-',              // ➖ − ﹣
        0x00D7 or 0x2716 or 0x2715 or 0x2573 => 'x',    // × ✖ ✕ ╳
        '\r' => '\n',
        '\n' => '\n',
        _ when Rune.IsWhiteSpace(rune) => ' ',
        _ => null,
    };

    // Emoji, their joiners and variation selectors, skin tones, keycaps: nothing in them orders anything.
    private static bool IsDecoration(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.Control => true,
        _ => false,
    };

    // WeChat sends stickers and its own emoji as bracketed words: [动画表情], [微笑], [捂脸].
    [GeneratedRegex(@"\[[^\[\]\d+]{1,8}\]")]
    private static partial Regex StickerCode();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Blanks();

    [GeneratedRegex(@"[ ]*\n[ \n]*")]
    private static partial Regex BlankLines();
}
