namespace GroupBuy.Conversations.AfterSales;

/// <summary>The outcome of a ticket command and the ticket, when there is one.</summary>
public sealed record TicketCommandResult(TicketCommandOutcome Outcome, Ticket? Ticket)
{
    public bool Succeeded => Outcome is TicketCommandOutcome.Decided or TicketCommandOutcome.Done;
}
