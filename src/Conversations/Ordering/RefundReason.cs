namespace GroupBuy.Conversations.Ordering;

public enum RefundReason
{
    /// <summary>缺货: found short at receiving; not the resident's doing.</summary>
    Shortage = 0,

    /// <summary>售后: decided on an after-sales ticket.</summary>
    AfterSales = 1,
}
