using GroupBuy.Conversations.Segments;

namespace GroupBuy.BotHost.Console.Pages.Residents;

/// <summary>The segments as ops call them, with the rule behind each (rules.md "Residents"), and their codes in addresses.</summary>
public static class SegmentNames
{
    /// <summary>Core first: the order ops read them in.</summary>
    public static IReadOnlyList<Segment> All { get; } = [Segment.Core, Segment.Active, Segment.Dormant];

    public static string Chinese(Segment segment) => segment switch
    {
        Segment.Core => "核心用户",
        Segment.Active => "活跃用户",
        _ => "沉睡用户",
    };

    /// <summary>Worded from <see cref="SegmentRules"/>'s own numbers, so the page says what the daily job does.</summary>
    public static string Rule(Segment segment) => segment switch
    {
        Segment.Core => $"近{SegmentRules.WindowDays}天买了 {SegmentRules.CoreMinPurchases} 次以上，且消费在前 20%",
        Segment.Active => $"近{SegmentRules.WindowDays}天买了 {SegmentRules.ActiveMinPurchases}–{SegmentRules.CoreMinPurchases - 1} 次，或 {SegmentRules.CoreMinPurchases} 次以上但消费不在前 20%",
        _ => $"近{SegmentRules.WindowDays}天买了 0–{SegmentRules.ActiveMinPurchases - 1} 次",
    };

    /// <summary>The badge colour of the segment.</summary>
    public static string Badge(Segment segment) => segment switch
    {
        Segment.Core => "good",
        Segment.Active => "warn",
        _ => string.Empty,
    };

    /// <summary>core, active, dormant: as <c>GET /api/residents?segment=</c> names them.</summary>
    public static string Code(Segment segment) => segment.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out Segment segment)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                segment = candidate;
                return true;
            }
        }

        segment = default;
        return false;
    }
}
