namespace GroupBuy.Conversations.AfterSales;

/// <summary>What came of a ticket command; the template words each for the one who gave it.</summary>
public enum TicketCommandOutcome
{
    Decided,
    Done,
    NotFound,
    NotYours,
    CannotDecide,
    NotAccepted,
    AlreadyDone,
    BadAmount,
}
