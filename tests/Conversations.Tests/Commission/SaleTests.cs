using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Ordering;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class SaleTests
{
    private static readonly DateTimeOffset Ordered = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset PickedUp = new(2026, 11, 25, 18, 30, 0, TimeSpan.FromHours(8));

    private static string CategoryOf(int itemNo) => itemNo switch { 1 => "生鲜", 2 => "日用品", _ => "食品" };

    private static Order OrderOf(params (int ItemNo, int Quantity, decimal Price)[] lines)
    {
        var order = new Order(campaignId: 1, groupId: 7, residentId: 1, Ordered);
        foreach (var (itemNo, quantity, price) in lines)
        {
            order.Add(itemNo, quantity, price, Ordered);
        }

        return order;
    }

    [Fact]
    public void A_picked_up_order_sells_each_line_at_price_times_quantity_in_its_category()
    {
        var order = OrderOf((1, 3, 12.80m), (2, 3, 13.25m));
        order.ConfirmPickup(PickedUp);

        var sales = Sale.FromOrder(order, [], CategoryOf);

        Assert.Equal([new Sale(7, "生鲜", 38.40m, PickedUp), new Sale(7, "日用品", 39.75m, PickedUp)], sales);
    }

    [Fact]
    public void An_after_sales_refund_is_taken_off_its_item_only()
    {
        var order = OrderOf((1, 2, 12.80m), (2, 1, 19.90m));
        order.ConfirmPickup(PickedUp);
        var refund = new Refund(order, itemNo: 1, quantity: 1, amount: 12.80m, RefundReason.AfterSales, PickedUp.AddHours(3));

        var sales = Sale.FromOrder(order, [refund], CategoryOf);

        Assert.Equal([12.80m, 19.90m], sales.Select(s => s.Amount));
    }

    [Fact]
    public void A_line_refunded_in_full_sells_nothing()
    {
        var order = OrderOf((1, 2, 12.80m), (2, 1, 19.90m));
        order.ConfirmPickup(PickedUp);
        var refund = new Refund(order, itemNo: 1, quantity: 2, amount: 2 * 12.80m, RefundReason.AfterSales, PickedUp.AddHours(3));

        var sale = Assert.Single(Sale.FromOrder(order, [refund], CategoryOf));

        Assert.Equal(new Sale(7, "日用品", 19.90m, PickedUp), sale);
    }

    [Fact]
    public void A_shortage_refund_is_not_taken_off_again_because_the_shortage_already_shortened_the_line()
    {
        var order = OrderOf((1, 3, 12.80m));
        var taken = order.Shorten(1, 1, Ordered.AddDays(1));
        var refund = new Refund(order, 1, taken, taken * 12.80m, RefundReason.Shortage, Ordered.AddDays(1));
        order.ConfirmPickup(PickedUp);

        var sale = Assert.Single(Sale.FromOrder(order, [refund], CategoryOf));

        Assert.Equal(25.60m, sale.Amount);
    }

    [Fact]
    public void Orders_not_picked_up_sell_nothing()
    {
        var open = OrderOf((1, 2, 12.80m));
        var cancelled = OrderOf((1, 2, 12.80m));
        cancelled.CancelAll(Ordered.AddHours(1));

        Assert.Empty(Sale.FromOrder(open, [], CategoryOf));
        Assert.Empty(Sale.FromOrder(cancelled, [], CategoryOf));
    }
}
