using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// The parts of a reply between punctuation and line breaks. A question is a property of one
/// clause: "苹果+1，几点到？" orders an apple and asks something else.
/// </summary>
internal static partial class Clauses
{
    private const string Separators = "\n,、;。!?~:…";

    // Questions end with "?", use a question word, or ask "A不A" (能不能, 要不要, 有没有); item names
    // are masked before this is asked, so an item called 茶几 does not make every order a question.
    [GeneratedRegex(@"[?吗呢么啥几谁哪]|多少|怎|咋|为何|(\w)[不没]\1|有没有|可以不")]
    private static partial Regex Question();

    public static bool IsSeparator(char c) => Separators.Contains(c, StringComparison.Ordinal);

    /// <summary>[Start, End) of each clause, the separator that ends it included.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var clauses = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSeparator(text[i]) && (i + 1 == text.Length || !IsSeparator(text[i + 1])))
            {
                clauses.Add((start, i + 1));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            clauses.Add((start, text.Length));
        }

        return clauses;
    }

    public static bool IsQuestion(string clause) => Question().IsMatch(clause);
}
