namespace GroupBuy.Conversations.AfterSales;

/// <summary>What a compensation gives: the fixed 满20减3 coupon or 5–10 元 in cash.</summary>
public abstract record Compensation
{
    private protected Compensation()
    {
    }
}
