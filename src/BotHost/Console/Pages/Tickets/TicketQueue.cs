using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// The queue's tabs: everything still under way (the default: what waits on someone), one tab per
/// ticket status, and all. Addressed by the API's status codes (<c>?status=in_progress</c>).
/// </summary>
public sealed record TicketQueue(string Code, string Name, IReadOnlyList<TicketStatus> Statuses)
{
    public static TicketQueue UnderWay { get; } = new("active", "未办结", [TicketStatus.Open, TicketStatus.Proposed, TicketStatus.InProgress]);

    public static TicketQueue Everything { get; } = new("all", "全部", Enum.GetValues<TicketStatus>());

    public static IReadOnlyList<TicketQueue> All { get; } =
    [
        UnderWay,
        .. Enum.GetValues<TicketStatus>().Select(s => new TicketQueue(TicketStatusNames.Code(s), TicketStatusNames.Of(s), [s])),
        Everything,
    ];

    /// <summary>The tab a code names; under way when there is none or it names nothing.</summary>
    public static TicketQueue Of(string? code) =>
        All.FirstOrDefault(q => string.Equals(q.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? UnderWay;
}
