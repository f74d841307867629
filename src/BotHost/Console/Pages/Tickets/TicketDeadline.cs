using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>A ticket's next deadline (<see cref="Ticket.NextDueAt"/>), what it is for, and how far it is.</summary>
public sealed record TicketDeadline(string What, TicketCountdown Countdown)
{
    /// <summary>Null when no deadline runs (carried out, closed, or open again after the resident declined).</summary>
    public static TicketDeadline? Of(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.NextDueAt is not { } due)
        {
            return null;
        }

        var what = ticket.AwaitsFirstAnswer ? "首次答复"
            : ticket.Status == TicketStatus.Proposed ? "居民确认"
            : "办结";
        return new TicketDeadline(what, new TicketCountdown(due, now));
    }
}
