using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// Recognises leader commands in what is left of a message once @-mentions and a leading "/" are
/// gone. Only the command's own shape counts: the word alone (a trailing "啦" or "！" allowed), or
/// the word and its arguments. "到货了吗" and "汇总一下大家的意见" are chat, not commands, so
/// they go on to the other handlers and a resident is never refused for chatting.
/// </summary>
public static partial class LeaderCommandReader
{
    private static readonly (string Word, LeaderCommandKind Kind, bool TakesArgument)[] Words =
    [
        ("帮助", LeaderCommandKind.Help, false),
        ("指令", LeaderCommandKind.Help, false),
        ("菜单", LeaderCommandKind.Help, false),
        ("开团", LeaderCommandKind.Publish, true),
        ("截单", LeaderCommandKind.CutOff, false),
        ("汇总", LeaderCommandKind.Summary, false),
        ("统计", LeaderCommandKind.Summary, false),
        ("到货", LeaderCommandKind.Arrival, false),
        ("已取", LeaderCommandKind.Pickup, true),
        ("核销", LeaderCommandKind.Pickup, true),
        ("未取", LeaderCommandKind.NotPickedUp, false),
        ("缺货", LeaderCommandKind.Shortage, true),
        ("提醒", LeaderCommandKind.Remind, false),
        ("提醒取货", LeaderCommandKind.Remind, false),
        ("佣金", LeaderCommandKind.Commission, false),
    ];

    public static bool TryRead(string text, [NotNullWhen(true)] out LeaderCommand? command)
    {
        command = null;
        var trimmed = text.Trim();
        foreach (var (word, kind, takesArgument) in Words.OrderByDescending(w => w.Word.Length))
        {
            if (!trimmed.StartsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = trimmed[word.Length..];
            if (Ending().IsMatch(rest))
            {
                command = new LeaderCommand(kind, word, string.Empty);
                return true;
            }

            // Arguments are set apart by a space or a colon ("核销 1001", "开团：周四鲜果"); "已取消"
            // or "缺货了吗" run on without one and are not commands.
            if (takesArgument && Separator().Match(rest) is { Success: true } separator)
            {
                command = new LeaderCommand(kind, word, rest[separator.Length..].Trim());
                return true;
            }

            return false;
        }

        return false;
    }

    [GeneratedRegex(@"^[啦了]?[!！。~～]*$")]
    private static partial Regex Ending();

    [GeneratedRegex(@"^(?:[\s\u2005\u3000]+|[:：][\s\u2005\u3000]*)(?=\S)")]
    private static partial Regex Separator();
}
