using System.Globalization;
using GroupBuy.Conversations.Commission;

namespace GroupBuy.Conversations.Coupons;

/// <summary>
/// What a coupon takes off an order's goods total: a fixed amount once the total reaches a
/// threshold (满30减8), or a rate of the whole total (9.5折, threshold 0). Money stays exact decimal;
/// a rate discount is rounded once to the fen, half up.
/// </summary>
public sealed record CouponTerms(decimal Threshold, decimal? Amount, decimal? Rate)
{
    /// <summary>满30减8: the win-back coupon for dormant residents (专属回归券).</summary>
    public static readonly CouponTerms WinBack = new(30m, 8m, null);

    /// <summary>满50减5: one of the two coupons recommended to active residents.</summary>
    public static readonly CouponTerms FiftyLessFive = new(50m, 5m, null);

    /// <summary>满100减12: the other one.</summary>
    public static readonly CouponTerms HundredLessTwelve = new(100m, 12m, null);

    /// <summary>满20减3: the after-sales compensation coupon.</summary>
    public static readonly CouponTerms AfterSales = new(20m, 3m, null);

    /// <summary>9.5折 on the whole order: core residents' price.</summary>
    public static readonly CouponTerms CorePrice = new(0m, null, 0.95m);

    /// <summary>As residents read it: "满30减8", "9.5折".</summary>
    public string Label => Amount is { } amount
        ? string.Create(CultureInfo.InvariantCulture, $"满{Threshold:0.##}减{amount:0.##}")
        : string.Create(CultureInfo.InvariantCulture, $"{(Rate ?? 1m) * 10m:0.##}折");

    /// <summary>What it takes off <paramref name="goodsTotal"/>: 0 below the threshold, never more than the total.</summary>
    public decimal DiscountOn(decimal goodsTotal)
    {
        if (goodsTotal <= 0m || goodsTotal < Threshold)
        {
            return 0m;
        }

        var discount = Amount ?? Fen.Round(goodsTotal * (1m - (Rate ?? 1m)));
        return Math.Min(discount, goodsTotal);
    }
}
