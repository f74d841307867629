using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>How the API names resolution kinds: refund, exchange, compensation.</summary>
internal static class ResolutionKindCodes
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ResolutionKind>().Select(Code)];

    public static string Code(ResolutionKind kind) => kind.ToString().ToLowerInvariant();

    // Not Enum.TryParse: it would also take "0" or "refund,exchange".
    public static bool TryParse(string code, out ResolutionKind kind)
    {
        foreach (var candidate in Enum.GetValues<ResolutionKind>())
        {
            if (Code(candidate) == code)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
