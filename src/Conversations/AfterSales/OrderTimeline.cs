using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// The moments of an order's life the after-sales windows are measured from. Ordering closes at
/// the campaign's cut-off, or earlier when it was closed early or the leader cut off (截单) in
/// that chat; goods count as shipped once they have arrived at the chat's pickup point, and a
/// delivery is late from the campaign's scheduled pickup (see
/// <see cref="AfterSalesWindow"/>).
/// </summary>
public sealed record OrderTimeline(DateTimeOffset OrderingClosesAt, DateTimeOffset? ArrivedAt, DateTimeOffset? PickedUpAt, DateTimeOffset? ScheduledPickupAt = null)
{
    public static OrderTimeline Of(Order order, Campaign campaign, CampaignChat chat)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(chat);
        // Whichever cut-off came first ends ordering: the scheduled one, the campaign closed early, or the chat's 截单.
        DateTimeOffset?[] cutOffs = [campaign.ClosesAt, campaign.ClosedAt, chat.ClosedAt];
        var closesAt = cutOffs.OfType<DateTimeOffset>().Min();
        return new OrderTimeline(closesAt, chat.ArrivedAt, order.PickedUpAt, campaign.PickupAt);
    }

    public bool IsOrderingOpen(DateTimeOffset now) => now < OrderingClosesAt;

    // Picking up implies arrival even when the leader skipped 到货 in that chat.
    public bool IsShipped => ArrivedAt is not null || PickedUpAt is not null;
}
