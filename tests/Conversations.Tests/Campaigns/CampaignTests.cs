using GroupBuy.Conversations.Campaigns;
using Xunit;

namespace GroupBuy.Conversations.Tests.Campaigns;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static Campaign Draft() => new("周四鲜果", Now.AddHours(12), Now.AddDays(1), "3栋大堂", Now);

    [Fact]
    public void Items_are_numbered_from_one_in_the_order_given()
    {
        var campaign = Draft();

        var apple = campaign.AddItem("苹果", ["红富士"], 12.8m, 15m, "生鲜", 100);
        var banana = campaign.AddItem("香蕉", [], 6m, 7m, "生鲜", null);

        Assert.Equal(1, apple.ItemNo);
        Assert.Equal(2, banana.ItemNo);
        Assert.Same(banana, campaign.FindItem(2));
        Assert.Null(campaign.FindItem(3));
    }

    [Fact]
    public void Aliases_are_trimmed_and_deduplicated()
    {
        var item = Draft().AddItem("纯牛奶", [" 牛奶", "牛奶", "", "奶"], 39.9m, 49.9m, "食品", null);

        Assert.Equal(["牛奶", "奶"], item.Aliases);
    }

    [Fact]
    public void Price_advantage_is_the_saving_against_the_reference_price()
    {
        var item = Draft().AddItem("苹果", [], 12m, 15m, "生鲜", null);

        Assert.Equal(0.2m, item.PriceAdvantage);
    }

    [Fact]
    public void Publishing_needs_items_chats_and_a_future_cut_off()
    {
        var campaign = Draft();
        Assert.Throws<InvalidOperationException>(() => campaign.Publish(Now));

        campaign.AddItem("苹果", [], 12m, 15m, "生鲜", null);
        Assert.Throws<InvalidOperationException>(() => campaign.Publish(Now));

        campaign.OfferIn(groupId: 7);
        Assert.Throws<InvalidOperationException>(() => campaign.Publish(Now.AddHours(13)));

        campaign.Publish(Now);
        Assert.Equal(CampaignStatus.Published, campaign.Status);
        Assert.True(campaign.IsTakingOrders(Now.AddHours(1)));
        Assert.False(campaign.IsTakingOrders(Now.AddHours(12)));
    }

    [Fact]
    public void A_published_campaign_cannot_change_its_items()
    {
        var campaign = Draft();
        campaign.AddItem("苹果", [], 12m, 15m, "生鲜", null);
        campaign.OfferIn(1);
        campaign.Publish(Now);

        Assert.Throws<InvalidOperationException>(() => campaign.AddItem("梨", [], 5m, 6m, "生鲜", null));
        Assert.Throws<InvalidOperationException>(() => campaign.OfferIn(2));
    }

    [Fact]
    public void Cutting_off_twice_keeps_the_first_time()
    {
        var campaign = Draft();
        campaign.AddItem("苹果", [], 12m, 15m, "生鲜", null);
        campaign.OfferIn(1);
        campaign.Publish(Now);

        campaign.Close(Now.AddHours(1));
        campaign.Close(Now.AddHours(2));

        Assert.Equal(CampaignStatus.Closed, campaign.Status);
        Assert.Equal(Now.AddHours(1), campaign.ClosedAt);
        Assert.False(campaign.IsTakingOrders(Now.AddHours(1)));
    }

    [Fact]
    public void A_draft_cannot_be_cut_off()
    {
        Assert.Throws<InvalidOperationException>(() => Draft().Close(Now));
    }

    [Fact]
    public void Pickup_before_cut_off_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Campaign("t", Now.AddDays(1), Now, "p", Now));
    }

    [Fact]
    public void Stock_is_taken_only_when_enough_is_left()
    {
        var item = Draft().AddItem("苹果", [], 12m, 15m, "生鲜", 3);

        Assert.True(item.TryTake(2));
        Assert.False(item.TryTake(2));
        Assert.Equal(1, item.Stock);
        item.Return(2);
        Assert.Equal(3, item.Stock);
    }

    [Fact]
    public void Unlimited_stock_never_runs_out()
    {
        var item = Draft().AddItem("苹果", [], 12m, 15m, "生鲜", null);

        Assert.True(item.TryTake(10_000));
        Assert.Null(item.Stock);
    }
}
