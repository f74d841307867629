namespace GroupBuy.Conversations.AfterSales;

/// <summary>Ticket statuses as leaders read them, and as the API writes them.</summary>
public static class TicketStatusNames
{
    public static string Of(TicketStatus status) => status switch
    {
        TicketStatus.Open => "待答复",
        TicketStatus.Proposed => "待居民确认",
        TicketStatus.InProgress => "处理中",
        TicketStatus.Done => "已办结",
        TicketStatus.Closed => "已关闭",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown ticket status."),
    };

    /// <summary>open, proposed, in_progress, done, closed.</summary>
    public static string Code(TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParseCode(string? code, out TicketStatus status)
    {
        foreach (var candidate in Enum.GetValues<TicketStatus>())
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
