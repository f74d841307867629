using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A resolution as messages name it: the glossary word ("退款", "满20减3券") and, where money
/// changes hands, the amount in yuan as residents read it ("25.6"); templates put them together.
/// </summary>
public sealed record ResolutionText(string Name, string? Amount)
{
    public static ResolutionText Of(Resolution resolution, decimal refundAmount) => resolution.Compensation switch
    {
        CashCompensation cash => new("现金补偿", ChineseFormat.Money(cash.Yuan)),
        CouponCompensation coupon => new($"优惠券补偿（满{coupon.Threshold:0}减{coupon.Off:0}）", null),
        _ when resolution.Kind == ResolutionKind.Refund => new("退款", ChineseFormat.Money(refundAmount)),
        _ => new("换货", null),
    };
}
