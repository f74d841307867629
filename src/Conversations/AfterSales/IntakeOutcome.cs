namespace GroupBuy.Conversations.AfterSales;

/// <summary>How an intake dialog ended.</summary>
public enum IntakeOutcome
{
    /// <summary>A ticket was opened.</summary>
    Submitted,

    /// <summary>The resident said 取消.</summary>
    Cancelled,

    /// <summary>30 minutes without an answer.</summary>
    TimedOut,

    /// <summary>Outside the type's window; the resident was told why and given the leader's contact.</summary>
    OutsideWindow,
}
