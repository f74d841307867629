using GroupBuy.Conversations.Ordering;
using Xunit;

namespace GroupBuy.Conversations.Tests.Ordering;

public sealed class OrderCouponTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_coupon_leaves_the_goods_total_and_takes_its_discount_off_what_is_paid()
    {
        var order = new Order(1, 1, 1, Now);
        order.Add(1, 3, 12.8m, Now);

        order.ApplyCoupon(7, 8m);

        Assert.Equal(38.4m, order.Total);
        Assert.Equal(8m, order.Discount);
        Assert.Equal(30.4m, order.Payable);
        Assert.Equal(7, order.CouponId);
    }

    [Fact]
    public void An_order_takes_one_coupon_and_gives_it_back_when_released()
    {
        var order = new Order(1, 1, 1, Now);
        order.Add(1, 3, 12.8m, Now);
        order.ApplyCoupon(7, 8m);

        Assert.Throws<InvalidOperationException>(() => order.ApplyCoupon(8, 5m));
        order.ReleaseCoupon();

        Assert.Null(order.CouponId);
        Assert.Equal(order.Total, order.Payable);
    }

    [Fact]
    public void A_discount_cannot_exceed_the_goods()
    {
        var order = new Order(1, 1, 1, Now);
        order.Add(2, 1, 6m, Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => order.ApplyCoupon(7, 8m));
    }
}
