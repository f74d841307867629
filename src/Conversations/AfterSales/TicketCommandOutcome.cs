namespace GroupBuy.Conversations.AfterSales;

/// <summary>What came of a ticket command; the template words each for the one who gave it.</summary>
public enum TicketCommandOutcome
{
    Decided,
    Done,
    NotFound,
    NotYours,

    /// <summary>The resident of the ticket gave a leader's command: they are told where it stands.</summary>
    OwnTicket,
    CannotDecide,
    NotAccepted,
    AlreadyDone,
    BadAmount,
}
