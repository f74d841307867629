using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Reads the short answers of the after-sales dialogs: a numbered choice ("2", "第二个"), yes or
/// no, 取消, a rating, an order number. Only the whole answer counts ("2" is a choice, "2个烂了"
/// is not), so a sentence is never mistaken for a click; what is not read is asked again.
/// </summary>
public static partial class IntakeAnswers
{
    private static readonly string[] CancelWords = ["取消", "算了", "不用了", "退出", "不弄了", "不办了", "不要售后了", "结束", "结束了", "取消了"];
    private static readonly string[] NoEvidenceWords = ["没有", "没", "没拍", "没拍照", "没有照片", "没照片", "拍不了", "没法拍", "扔了", "吃了", "吃掉了", "没有截图", "没截图", "找不到了"];
    private static readonly string[] ConfirmWords = ["确认", "确定", "提交", "是", "是的", "对", "对的", "好", "好的", "没问题", "可以", "嗯", "ok"];
    private static readonly string[] RedoWords = ["重新描述", "修改", "改", "重写", "重新说"];
    private static readonly string[] AcceptWords = ["同意", "接受", "好", "好的", "可以", "行", "没问题", "嗯", "ok", "确认"];
    private static readonly string[] DeclineWords = ["不同意", "不接受", "不行", "不可以", "不好", "拒绝"];

    public static bool IsCancel(string text) => Matches(text, CancelWords);

    /// <summary>"没有", "没拍照", "扔了": the resident has no evidence to send.</summary>
    public static bool IsNoEvidence(string text)
    {
        // "没拍照，扔了": every clause says the same.
        var clauses = Clauses().Split(Ascii(text)).Where(c => c.Length > 0).ToList();
        return clauses.Count > 0 && clauses.All(c => Matches(c, NoEvidenceWords));
    }

    public static bool IsConfirm(string text) => IsNumber(text, 1) || Matches(text, ConfirmWords);

    public static bool IsRedo(string text) => IsNumber(text, 2) || Matches(text, RedoWords);

    public static bool IsAccept(string text) => IsNumber(text, 1) || Matches(text, AcceptWords);

    public static bool IsDecline(string text) => IsNumber(text, 2) || Matches(text, DeclineWords);

    /// <summary>A choice from 1 to <paramref name="count"/>: "2", "2.", "第2个", "第二单", "二".</summary>
    public static bool TryChoice(string text, int count, out int choice)
    {
        choice = 0;
        var match = Choice().Match(Normalize(text));
        return match.Success && TryNumber(match.Groups["n"].Value, out choice) && choice >= 1 && choice <= count;
    }

    /// <summary>A rating of 1 to 5: "5", "5分", "五星", "4分吧".</summary>
    public static bool TryRating(string text, out int rating)
    {
        rating = 0;
        var match = Rating().Match(Normalize(text));
        return match.Success && TryNumber(match.Groups["n"].Value, out rating) && rating is >= 1 and <= 5;
    }

    /// <summary>An order number or pickup code: a run of 4 or more digits anywhere in the answer.</summary>
    public static bool TryOrderNumber(string text, [NotNullWhen(true)] out string? number)
    {
        var match = Digits().Match(Ascii(text));
        number = match.Success ? match.Value : null;
        return match.Success;
    }

    private static bool IsNumber(string text, int number) => TryChoice(text, number, out var choice) && choice == number;

    private static bool Matches(string text, string[] words)
    {
        // Both forms: "算了" ends in a particle that normalizing takes off.
        string[] forms = [Ascii(text), Normalize(text)];
        return words.Any(w => forms.Any(f => string.Equals(f, w, StringComparison.OrdinalIgnoreCase)));
    }

    // Full-width digits ("２") are what a Chinese keyboard often types; trailing punctuation and
    // politeness do not change the answer ("好的呀！", "算了吧" is "算了").
    private static string Normalize(string text) => Particles().Replace(Punctuation().Replace(Ascii(text), string.Empty), string.Empty);

    private static string Ascii(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private static bool TryNumber(string text, out int number)
    {
        if (int.TryParse(text, out number))
        {
            return true;
        }

        number = text switch
        {
            "一" => 1,
            "二" or "两" => 2,
            "三" => 3,
            "四" => 4,
            "五" => 5,
            "六" => 6,
            "七" => 7,
            "八" => 8,
            "九" => 9,
            _ => 0,
        };
        return number > 0;
    }

    [GeneratedRegex(@"^第?(?<n>[0-9]{1,2}|[一二两三四五六七八九])[个单号项条种]?[.。、]?$")]
    private static partial Regex Choice();

    [GeneratedRegex(@"^(?<n>[0-9]|[一二两三四五])\s*[分星颗]?[吧吗]?$")]
    private static partial Regex Rating();

    [GeneratedRegex(@"[，,。.！!～~\s]+")]
    private static partial Regex Clauses();

    [GeneratedRegex(@"[0-9]{4,}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[\s!！。.~～]+$")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"[吧呀啊哈]+$")]
    private static partial Regex Particles();
}
