namespace GroupBuy.Conversations.Coupons;

/// <summary>Why a resident was given a coupon: the treatment of their segment.</summary>
public enum CouponPurpose
{
    /// <summary>Dormant: 满30减8 专属回归券 with the win-back message.</summary>
    WinBack = 0,

    /// <summary>Active: 满50减5 and 满100减12 with a recommendation.</summary>
    Recommendation = 1,

    /// <summary>Core: 9.5折 on the next order.</summary>
    CorePrice = 2,

    /// <summary>After-sales: the 满20减3 compensation coupon on a ticket.</summary>
    AfterSales = 3,
}
