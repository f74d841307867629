using System.Text;

namespace GroupBuy.Conversations.Chats;

/// <summary>
/// What a person wrote, with the chat decoration taken off: leading @-mentions (WeChat puts a
/// U+2005 space after each), a leading "/" on commands, full-width spaces, surrounding blanks.
/// Parsers and command matchers read <see cref="Text"/>.
/// </summary>
public sealed record ChatText(string Text, bool AddressedToBot)
{
    private static readonly char[] MentionEnds = [' ', '\u2005', '\u3000', '\u00A0', '\t', '\n', '\r'];

    public static ChatText From(string? raw, string botName)
    {
        var text = (raw ?? string.Empty).Trim().Replace('\u3000', ' ');
        var addressed = false;
        while (text.StartsWith('@') || text.StartsWith('＠'))
        {
            var end = text.IndexOfAny(MentionEnds);
            var mention = end < 0 ? text[1..] : text[1..end];
            addressed |= string.Equals(mention, botName, StringComparison.Ordinal);
            text = end < 0 ? string.Empty : text[(end + 1)..].TrimStart(MentionEnds);
        }

        if (text.StartsWith('/') || text.StartsWith('／'))
        {
            text = text[1..].TrimStart();
        }

        return new ChatText(Collapse(text), addressed);
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u2005' or '\u00A0')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
