namespace GroupBuy.Conversations.AfterSales;

/// <summary>Where a ticket (工单) stands; every change is kept in its history.</summary>
public enum TicketStatus
{
    /// <summary>Taken in; waiting for the leader or ops to decide (first answer due within 1 hour).</summary>
    Open,

    /// <summary>A resolution was decided; waiting for the resident to accept it.</summary>
    Proposed,

    /// <summary>The resident accepted; the leader or ops carry it out before its deadline.</summary>
    InProgress,

    /// <summary>Carried out; the follow-up (回访) asks the resident for a rating.</summary>
    Done,

    /// <summary>Rated, or the follow-up went unanswered. Nothing more happens.</summary>
    Closed,
}
