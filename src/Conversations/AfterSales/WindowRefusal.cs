namespace GroupBuy.Conversations.AfterSales;

/// <summary>Why a request falls outside its window; the template layer words each one kindly.</summary>
public enum WindowRefusal
{
    /// <summary>The window after pickup has passed.</summary>
    TooLate,

    /// <summary>A mistaken order reported once the goods have arrived: the resident pays return shipping.</summary>
    AlreadyShipped,

    /// <summary>Quality or order problems can only be judged once the goods are in hand.</summary>
    NotPickedUpYet,

    /// <summary>Ordering is still open: the resident cancels with 取消 and needs no after-sales case.</summary>
    CancelInstead,

    /// <summary>A delivery cannot be late before ordering has even closed.</summary>
    NotDueYet,
}
