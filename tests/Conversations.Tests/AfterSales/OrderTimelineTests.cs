using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>The moments an order's windows are measured from, read off the order, its campaign and its chat.</summary>
public sealed class OrderTimelineTests
{
    private const long Group = 7;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset ClosesAt = Now.AddHours(11);

    [Fact]
    public void Ordering_closes_at_the_scheduled_cut_off_when_nobody_cut_off_earlier()
    {
        var (campaign, order) = Published();

        var timeline = OrderTimeline.Of(order, campaign, campaign.ChatOf(Group)!);

        Assert.Equal(ClosesAt, timeline.OrderingClosesAt);
        Assert.Null(timeline.ArrivedAt);
        Assert.Null(timeline.PickedUpAt);
        Assert.False(timeline.IsShipped);
    }

    [Fact]
    public void The_leaders_earlier_cut_off_in_the_chat_ends_ordering_there()
    {
        var (campaign, order) = Published();
        campaign.CloseIn(Group, Now.AddHours(2));

        Assert.Equal(Now.AddHours(2), OrderTimeline.Of(order, campaign, campaign.ChatOf(Group)!).OrderingClosesAt);
    }

    [Fact]
    public void Arrival_and_pickup_are_read_from_the_chat_and_the_order()
    {
        var (campaign, order) = Published();
        campaign.MarkArrivedIn(Group, ClosesAt.AddHours(12));
        order.ConfirmPickup(ClosesAt.AddHours(14));

        var timeline = OrderTimeline.Of(order, campaign, campaign.ChatOf(Group)!);

        Assert.Equal(ClosesAt, timeline.OrderingClosesAt);
        Assert.Equal(ClosesAt.AddHours(12), timeline.ArrivedAt);
        Assert.Equal(ClosesAt.AddHours(14), timeline.PickedUpAt);
        Assert.True(timeline.IsShipped);
    }

    private static (Campaign Campaign, Order Order) Published()
    {
        var campaign = new Campaign("周四鲜果", ClosesAt, ClosesAt.AddDays(1), "3号楼门口", Now);
        campaign.OfferIn(Group);
        campaign.AddItem("苹果", [], 12.8m, 15m, "水果", null);
        campaign.Publish(Now);
        var order = new Order(1, Group, 42, Now);
        order.Add(1, 2, 12.8m, Now);
        return (campaign, order);
    }
}
