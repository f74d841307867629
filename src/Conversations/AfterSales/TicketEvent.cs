namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// One entry of a ticket's history: the status it moved to, when, who did it (a user id, "ops"
/// or "bot") and a short note of our own wording (never the resident's text).
/// </summary>
public sealed class TicketEvent
{
    private TicketEvent()
    {
        Actor = Note = string.Empty;
    }

    public TicketEvent(TicketStatus status, DateTimeOffset at, string actor, string note)
    {
        Status = status;
        At = at;
        Actor = actor;
        Note = note;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public TicketStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    public string Note { get; private set; }
}
