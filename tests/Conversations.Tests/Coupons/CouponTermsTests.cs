using GroupBuy.Conversations.Coupons;
using Xunit;

namespace GroupBuy.Conversations.Tests.Coupons;

public sealed class CouponTermsTests
{
    [Theory]
    [InlineData(29.99, 0)]
    [InlineData(30, 8)]
    [InlineData(38.4, 8)]
    public void An_amount_coupon_applies_from_its_threshold(decimal total, decimal discount) =>
        Assert.Equal(discount, CouponTerms.WinBack.DiscountOn(total));

    [Theory]
    [InlineData(100, 5)]
    [InlineData(38.4, 1.92)]
    [InlineData(12.9, 0.65)] // 0.645 rounds half up, not to the even 0.64
    [InlineData(0, 0)]
    public void The_core_price_takes_five_percent_rounded_to_the_fen_half_up(decimal total, decimal discount) =>
        Assert.Equal(discount, CouponTerms.CorePrice.DiscountOn(total));

    [Fact]
    public void A_discount_never_exceeds_the_total() =>
        Assert.Equal(3m, new CouponTerms(0m, 8m, null).DiscountOn(3m));

    [Fact]
    public void Labels_read_as_residents_say_them()
    {
        Assert.Equal("满30减8", CouponTerms.WinBack.Label);
        Assert.Equal("满50减5", CouponTerms.FiftyLessFive.Label);
        Assert.Equal("满100减12", CouponTerms.HundredLessTwelve.Label);
        Assert.Equal("9.5折", CouponTerms.CorePrice.Label);
    }
}
