namespace GroupBuy.Conversations.AfterSales;

/// <summary>The 满20减3 coupon; its terms are fixed by the rules, so nobody has to type them.</summary>
public sealed record CouponCompensation : Compensation
{
    public static readonly CouponCompensation Standard = new();

    private CouponCompensation()
    {
    }

    public decimal Threshold => 20m;

    public decimal Off => 3m;
}
