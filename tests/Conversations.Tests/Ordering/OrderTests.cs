using GroupBuy.Conversations.Ordering;
using Xunit;

namespace GroupBuy.Conversations.Tests.Ordering;

public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Adding_the_same_item_again_adds_to_its_line()
    {
        var order = new Order(1, 1, 1, Now);

        order.Add(1, 2, 12.8m, Now);
        order.Add(1, 1, 12.8m, Now.AddMinutes(1));
        order.Add(2, 1, 6m, Now.AddMinutes(2));

        Assert.Equal(3, order.QuantityOf(1));
        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(44.4m, order.Total);
        Assert.Equal(Now.AddMinutes(2), order.UpdatedAt);
    }

    [Fact]
    public void Setting_a_quantity_replaces_it_and_zero_removes_the_line()
    {
        var order = new Order(1, 1, 1, Now);
        order.Add(1, 2, 10m, Now);

        order.Set(1, 4, 10m, Now);
        Assert.Equal(4, order.QuantityOf(1));

        order.Set(1, 0, 10m, Now);
        Assert.Empty(order.Lines);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void Cancelling_everything_leaves_a_cancelled_order_that_can_be_reopened()
    {
        var order = new Order(1, 1, 1, Now);
        order.Add(1, 1, 10m, Now);
        order.Add(2, 1, 5m, Now);

        order.CancelAll(Now);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(0m, order.Total);

        order.Add(2, 1, 5m, Now);
        Assert.Equal(OrderStatus.Open, order.Status);
    }

    [Fact]
    public void Removing_one_item_keeps_the_others()
    {
        var order = new Order(1, 1, 1, Now);
        order.Add(1, 1, 10m, Now);
        order.Add(2, 3, 5m, Now);

        order.Remove(1, Now);

        Assert.Equal(0, order.QuantityOf(1));
        Assert.Equal(3, order.QuantityOf(2));
        Assert.Equal(OrderStatus.Open, order.Status);
    }

    [Fact]
    public void Quantities_must_be_positive()
    {
        var order = new Order(1, 1, 1, Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => order.Add(1, 0, 10m, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => order.Set(1, -1, 10m, Now));
    }

    [Fact]
    public void A_pickup_code_once_given_does_not_change()
    {
        var order = new Order(1, 1, 1, Now);

        order.AssignPickupCode("A7K2");
        order.AssignPickupCode("A7K2");

        Assert.Throws<InvalidOperationException>(() => order.AssignPickupCode("B000"));
        Assert.Equal("A7K2", order.PickupCode);
    }
}
