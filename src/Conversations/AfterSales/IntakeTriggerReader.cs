using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Decides whether a resident's message reports a problem with goods they bought. It looks for
/// cue phrases clause by clause and drops the ones the clause does not assert:
/// <list type="bullet">
/// <item>negated ("没坏", "没有问题") or hypothetical ("万一烂了能退吗", "如果过期了呢"): nothing happened;</item>
/// <item>a symptom asked about ("坏了吗", "这个苹果坏了吗不会吧"): the resident wonders, has no complaint yet;</item>
/// <item>a refund or case already under way ("退款什么时候到", "已经退款了"): a new intake would duplicate it,
/// the dialog layer answers from the open ticket instead;</item>
/// <item>"有问题" not ending its clause ("有问题随时找我"): an offer of help, not a report.</item>
/// </list>
/// Requests ("能退款吗", "我要售后") count even as questions, since asking is how residents request.
/// Free text no cue places ("放两天就软了还有点酸") is left to the LLM classifier.
/// </summary>
public static partial class IntakeTriggerReader
{
    private enum CueKind
    {
        /// <summary>Asks for after-sales by name; counts even as a question.</summary>
        Request,

        /// <summary>Describes what is wrong; a question about it is not a report.</summary>
        Symptom,

        /// <summary>Too common in chat to count unless it ends its clause.</summary>
        Weak,
    }

    private static readonly (string Phrase, IssueType? Type, CueKind Kind)[] Cues =
    [
        ("售后", null, CueKind.Request),
        ("退款", null, CueKind.Request),
        ("退钱", null, CueKind.Request),
        ("退货", null, CueKind.Request),
        ("换货", null, CueKind.Request),
        ("投诉", null, CueKind.Request),
        ("退掉", null, CueKind.Request),
        ("能退", null, CueKind.Request),
        ("可以退", null, CueKind.Request),
        ("有问题", null, CueKind.Weak),
        ("有点问题", null, CueKind.Weak),

        ("坏了", IssueType.Quality, CueKind.Symptom),
        ("坏的", IssueType.Quality, CueKind.Symptom),
        ("烂了", IssueType.Quality, CueKind.Symptom),
        ("烂的", IssueType.Quality, CueKind.Symptom),
        ("变质", IssueType.Quality, CueKind.Symptom),
        ("过期", IssueType.Quality, CueKind.Symptom),
        ("发霉", IssueType.Quality, CueKind.Symptom),
        ("长毛", IssueType.Quality, CueKind.Symptom),
        ("臭了", IssueType.Quality, CueKind.Symptom),
        ("馊了", IssueType.Quality, CueKind.Symptom),
        ("不新鲜", IssueType.Quality, CueKind.Symptom),
        ("有虫", IssueType.Quality, CueKind.Symptom),
        ("碎了", IssueType.Quality, CueKind.Symptom),
        ("破了", IssueType.Quality, CueKind.Symptom),
        ("漏了", IssueType.Quality, CueKind.Symptom),
        ("质量问题", IssueType.Quality, CueKind.Symptom),
        ("质量太差", IssueType.Quality, CueKind.Symptom),

        ("少发", IssueType.Order, CueKind.Symptom),
        ("漏发", IssueType.Order, CueKind.Symptom),
        ("发错", IssueType.Order, CueKind.Symptom),
        ("给错", IssueType.Order, CueKind.Symptom),
        ("拿错", IssueType.Order, CueKind.Symptom),
        ("数量不对", IssueType.Order, CueKind.Symptom),
        ("缺货", IssueType.Order, CueKind.Symptom),

        ("晚到", IssueType.Delivery, CueKind.Symptom),
        ("送晚了", IssueType.Delivery, CueKind.Symptom),
        ("到晚了", IssueType.Delivery, CueKind.Symptom),
        ("迟到", IssueType.Delivery, CueKind.Symptom),
        ("压坏", IssueType.Delivery, CueKind.Symptom),
        ("压烂", IssueType.Delivery, CueKind.Symptom),
        ("压扁", IssueType.Delivery, CueKind.Symptom),
        ("摔坏", IssueType.Delivery, CueKind.Symptom),

        ("买错", IssueType.MistakenOrder, CueKind.Symptom),
        ("下错", IssueType.MistakenOrder, CueKind.Symptom),
        ("点错", IssueType.MistakenOrder, CueKind.Symptom),
        ("拍错", IssueType.MistakenOrder, CueKind.Symptom),
        ("订错", IssueType.MistakenOrder, CueKind.Symptom),
        ("不想要了", IssueType.MistakenOrder, CueKind.Symptom),
        ("多买了", IssueType.MistakenOrder, CueKind.Symptom),
    ];

    // Longer phrases first, so "压坏" is delivery before "坏" words could claim it as quality.
    private static readonly (string Phrase, IssueType? Type, CueKind Kind)[] ByLength =
        [.. Cues.OrderByDescending(c => c.Phrase.Length)];

    private static readonly string[] Negations = ["没", "没有", "不", "未", "别", "不是", "并非"];

    private static readonly string[] Hypotheticals = ["如果", "万一", "要是", "假如", "假设", "会不会", "怕", "担心", "以防"];

    private static readonly string[] UnderWay = ["什么时候", "啥时候", "何时", "到账", "到了", "收到", "进度", "多久", "几天", "退了吗", "好了吗"];

    private static readonly string[] AlreadyDone = ["已经", "已"];

    // Things in a household that break without being our goods ("电梯坏了，晚点下来取").
    private static readonly string[] NotGoods = ["电梯", "冰箱", "手机", "电脑", "空调", "车", "门", "锁", "快递柜", "网"];

    public static bool TryRead(string text, [NotNullWhen(true)] out IntakeTrigger? trigger)
    {
        ArgumentNullException.ThrowIfNull(text);
        trigger = null;
        foreach (var clause in ClauseBreak().Split(text))
        {
            if (FirstAsserted(clause) is { } found)
            {
                // An untyped request ("退款") takes the type a later clause gives ("退款，烂了两个").
                if (trigger is null)
                {
                    trigger = found;
                }
                else if (trigger.SuggestedType is null && found.SuggestedType is not null)
                {
                    trigger = trigger with { SuggestedType = found.SuggestedType };
                }
            }
        }

        return trigger is not null;
    }

    private static IntakeTrigger? FirstAsserted(string clause)
    {
        IntakeTrigger? first = null;
        var firstAt = int.MaxValue;
        IssueType? type = null;
        foreach (var (phrase, cueType, kind) in ByLength)
        {
            var at = clause.IndexOf(phrase, StringComparison.Ordinal);
            if (at < 0 || !IsAsserted(clause[..at], clause[(at + phrase.Length)..], kind))
            {
                continue;
            }

            type ??= cueType;
            if (at < firstAt)
            {
                first = new IntakeTrigger(cueType, phrase);
                firstAt = at;
            }
        }

        if (Shortage().Match(clause) is { Success: true } shortage && !IsNegated(clause[..shortage.Index]) && !IsHypothetical(clause[..shortage.Index]))
        {
            return new IntakeTrigger(IssueType.Order, shortage.Value);
        }

        // The earliest cue names the trigger; any typed cue in the clause names the type.
        return first is null ? null : first with { SuggestedType = first.SuggestedType ?? type };
    }

    private static bool IsAsserted(string before, string after, CueKind kind)
    {
        if (IsNegated(before) || IsHypothetical(before))
        {
            return false;
        }

        return kind switch
        {
            CueKind.Request => !UnderWay.Any(after.Contains) && !AlreadyDone.Any(before.EndsWith),
            CueKind.Symptom => !AskedAbout(after) && !NotGoods.Any(before.EndsWith),
            CueKind.Weak => ClauseEnd().IsMatch(after),
            _ => false,
        };
    }

    // "是不是坏了" asks with the goods in hand, which is a report, not a denial.
    private static bool IsNegated(string before) => Negations.Any(before.EndsWith) && !before.EndsWith("是不是", StringComparison.Ordinal);

    private static bool IsHypothetical(string before) => Hypotheticals.Any(before.Contains);

    // "坏了吗", "过期没", "变质了么": the resident asks whether, so nothing is reported yet.
    private static bool AskedAbout(string after) => YesNoQuestion().IsMatch(after);

    [GeneratedRegex(@"[，。！？!?,;；、\n\r\s]+")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^[了啊呀呢啦哦哈~～]*$")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^了?[吗么嘛没]")]
    private static partial Regex YesNoQuestion();

    // "少了一份", "少一个", "缺了两袋", "漏了1盒": a count gone missing from what was ordered.
    [GeneratedRegex(@"[少缺漏]了?[一两二三四五六七八九十\d]+[份个袋箱盒斤瓶件包只串把颗根]")]
    private static partial Regex Shortage();
}
