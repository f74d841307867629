using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Residents sometimes copy the bot's preview and write their order under it. The copied lines
/// list every item with its price and stock, which must not read as orders: only the lines that
/// are not in the preview are the resident's.
/// </summary>
internal static class CopiedLines
{
    public static string Without(string text, string source)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var copied = source.Split('\n').Select(OrderChainReader.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var own = text.Split('\n').Where(line => !copied.Contains(OrderChainReader.Key(line)));
        return string.Join('\n', own);
    }
}
