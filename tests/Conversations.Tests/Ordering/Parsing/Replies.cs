using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Parses and shows a reply compactly, so a test's expectation reads like "Order 2:1 3:2".</summary>
internal static class Replies
{
    private static readonly ReplyParser Parser = new();

    public static ParsedReply Parse(string text, Catalog catalog, int? quoted = null) => Parser.Parse(text, catalog, quoted);

    /// <summary>"Order 2:1 3:2", "Change 1:4", "Cancel", "Cancel 3", "None", "Unclear".</summary>
    public static string Show(string text, Catalog catalog, int? quoted = null) => Show(Parse(text, catalog, quoted));

    public static string Show(ParsedReply reply)
    {
        var lines = reply.Kind == ReplyKind.Cancel
            ? reply.Lines.Select(l => l.ItemNo.ToString())
            : reply.Lines.Select(l => $"{l.ItemNo}:{l.Quantity}");
        return string.Join(' ', new[] { reply.Kind.ToString() }.Concat(lines));
    }
}
