using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>When each kind of problem is accepted, measured from cut-off, arrival and pickup; the edges are inclusive.</summary>
public sealed class AfterSalesWindowTests
{
    private static readonly DateTimeOffset CutOff = new(2026, 6, 1, 20, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Arrived = CutOff.AddHours(14);
    private static readonly DateTimeOffset PickedUp = CutOff.AddHours(16);

    private static readonly OrderTimeline Collected = new(CutOff, Arrived, PickedUp);
    private static readonly OrderTimeline InTransit = new(CutOff, null, null);
    private static readonly OrderTimeline AtPickupPoint = new(CutOff, Arrived, null);

    [Theory]
    [InlineData(IssueType.Quality, 0, true)]
    [InlineData(IssueType.Quality, 60 * 24 - 1, true)]
    [InlineData(IssueType.Quality, 60 * 24, true)]
    [InlineData(IssueType.Quality, 60 * 24 + 1, false)]
    [InlineData(IssueType.Delivery, 60 * 24, true)]
    [InlineData(IssueType.Delivery, 60 * 24 + 1, false)]
    [InlineData(IssueType.Order, 60 * 12 - 1, true)]
    [InlineData(IssueType.Order, 60 * 12, true)]
    [InlineData(IssueType.Order, 60 * 12 + 1, false)]
    [InlineData(IssueType.Order, 60 * 20, false)]
    public void After_pickup_the_window_counts_from_pickup_and_includes_its_last_minute(IssueType type, int minutesAfterPickup, bool accepted)
    {
        var decision = AfterSalesWindow.Check(type, Collected, PickedUp.AddMinutes(minutesAfterPickup));

        Assert.Equal(accepted, decision.Accepted);
        Assert.Equal(accepted ? null : WindowRefusal.TooLate, decision.Refusal);
        var hours = type == IssueType.Order ? 12 : 24;
        Assert.Equal(PickedUp.AddHours(hours), decision.Deadline);
    }

    [Theory]
    [InlineData(IssueType.Quality)]
    [InlineData(IssueType.Order)]
    public void Quality_and_order_problems_wait_for_the_goods_to_be_in_hand(IssueType type)
    {
        var decision = AfterSalesWindow.Check(type, InTransit, CutOff.AddHours(10));

        Assert.False(decision.Accepted);
        Assert.Equal(WindowRefusal.NotPickedUpYet, decision.Refusal);
        Assert.Null(decision.Deadline);
    }

    [Theory]
    [InlineData(IssueType.Quality, 24)]
    [InlineData(IssueType.Order, 12)]
    [InlineData(IssueType.Delivery, 24)]
    public void Goods_at_the_pickup_point_count_as_in_hand_from_arrival_when_no_pickup_was_recorded(IssueType type, int hours)
    {
        Assert.True(AfterSalesWindow.Check(type, AtPickupPoint, Arrived.AddHours(hours)).Accepted);
        var late = AfterSalesWindow.Check(type, AtPickupPoint, Arrived.AddHours(hours).AddMinutes(1));

        Assert.Equal((WindowRefusal.TooLate, Arrived.AddHours(hours)), (late.Refusal!.Value, late.Deadline!.Value));
    }

    [Fact]
    public void A_late_delivery_is_accepted_while_waiting_from_the_scheduled_pickup_on()
    {
        var scheduled = InTransit with { ScheduledPickupAt = CutOff.AddHours(40) };

        Assert.Equal(WindowRefusal.NotDueYet, AfterSalesWindow.Check(IssueType.Delivery, scheduled, CutOff.AddHours(39)).Refusal);
        Assert.True(AfterSalesWindow.Check(IssueType.Delivery, scheduled, CutOff.AddHours(40)).Accepted);
        Assert.True(AfterSalesWindow.Check(IssueType.Delivery, scheduled, CutOff.AddDays(5)).Accepted);
        Assert.True(AfterSalesWindow.Check(IssueType.Delivery, InTransit, CutOff.AddHours(30)).Accepted);
    }

    [Fact]
    public void Nothing_is_late_before_ordering_has_closed()
    {
        var decision = AfterSalesWindow.Check(IssueType.Delivery, InTransit, CutOff.AddMinutes(-1));

        Assert.Equal(WindowRefusal.NotDueYet, decision.Refusal);
    }

    [Theory]
    [InlineData(-60, false, WindowRefusal.CancelInstead)]
    [InlineData(0, true, null)]
    [InlineData(60 * 13, true, null)]
    public void A_mistaken_order_before_arrival_is_a_case_only_once_ordering_has_closed(int minutesAfterCutOff, bool accepted, WindowRefusal? refusal)
    {
        var decision = AfterSalesWindow.Check(IssueType.MistakenOrder, InTransit, CutOff.AddMinutes(minutesAfterCutOff));

        Assert.Equal(accepted, decision.Accepted);
        Assert.Equal(refusal, decision.Refusal);
    }

    [Fact]
    public void A_mistaken_order_is_refused_once_the_goods_have_arrived_or_been_collected()
    {
        Assert.Equal(WindowRefusal.AlreadyShipped, AfterSalesWindow.Check(IssueType.MistakenOrder, AtPickupPoint, Arrived).Refusal);
        Assert.Equal(WindowRefusal.AlreadyShipped, AfterSalesWindow.Check(IssueType.MistakenOrder, Collected, PickedUp.AddMinutes(1)).Refusal);
    }

    [Fact]
    public void Pickup_without_a_recorded_arrival_still_counts_as_shipped()
    {
        var skippedArrival = new OrderTimeline(CutOff, null, PickedUp);

        Assert.True(skippedArrival.IsShipped);
        Assert.Equal(WindowRefusal.AlreadyShipped, AfterSalesWindow.Check(IssueType.MistakenOrder, skippedArrival, PickedUp).Refusal);
    }
}
