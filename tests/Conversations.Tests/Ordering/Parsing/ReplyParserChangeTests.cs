using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Replies that set a new total instead of adding.</summary>
public sealed class ReplyParserChangeTests
{
    [Theory]
    [InlineData("改成4份吧", "Change 1:4")]
    [InlineData("改成两个", "Change 1:2")]
    [InlineData("改为3", "Change 1:3")]
    [InlineData("只要一份", "Change 1:1")]
    [InlineData("不要3份了，改成2份", "Change 1:2")]
    [InlineData("改成+2", "Change 1:2")]
    public void A_change_without_an_item_changes_the_only_item(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Single));
    }

    [Theory]
    [InlineData("牛奶改为1", "Change 2:1")]
    [InlineData("牛奶改成2箱", "Change 2:2")]
    [InlineData("4号改3份", "Change 4:3")]
    [InlineData("4号，改成3份", "Change 4:3")]
    [InlineData("把牛奶改成两箱", "Change 2:2")]
    [InlineData("牛奶2份改成3份", "Change 2:3")]
    [InlineData("改成牛奶3份", "Change 2:3")]
    [InlineData("牛奶只要1箱", "Change 2:1")]
    [InlineData("牛奶改成2箱，面包改成1份", "Change 2:2 3:1")]
    [InlineData("牛奶面包都改成2份", "Change 2:2 3:2")]
    [InlineData("第4个改成2个", "Change 4:2")]
    public void A_change_names_its_item(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("数量写错了，是3份", "Change 1:3")]
    [InlineData("写错了，应该是2份", "Change 1:2")]
    [InlineData("更正：+2", "Change 1:2")]
    [InlineData("搞错了 +2", "Change 1:2")]
    [InlineData("不要2份了，要1份", "Change 1:1")]
    [InlineData("不要3份了，改成2份", "Change 1:2")]
    [InlineData("我要改成两份", "Change 1:2")]
    [InlineData("那就改成一份吧", "Change 1:1")]
    [InlineData("我的改成3份", "Change 1:3")]
    [InlineData("改3份", "Change 1:3")]
    [InlineData("改成3份，谢谢团长", "Change 1:3")]
    public void Corrections_set_the_count_they_give(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Single));
    }

    [Fact]
    public void Everything_changed_at_once()
    {
        Assert.Equal("Change 1:2 2:2 3:2 4:2 5:2 6:2 7:2", Show("全部改成2份", Catalogs.Fresh));
    }

    [Fact]
    public void A_change_without_an_item_under_a_quoted_item_changes_that_item()
    {
        Assert.Equal("Change 3:4", Show("改成4份吧", Catalogs.Fresh, quoted: 3));
    }

    [Fact]
    public void A_change_without_an_item_in_a_multi_item_campaign_is_unclear()
    {
        var reply = Parse("改成4份吧", Catalogs.Fresh);

        Assert.Equal("Unclear", Show(reply));
        Assert.Equal("no item given in a multi-item campaign", reply.Reason);
    }

    [Fact]
    public void A_change_to_zero_cancels_the_item()
    {
        Assert.Equal("Cancel 2", Show("牛奶改成0", Catalogs.Fresh));
    }

    [Theory]
    [InlineData("苹果改成牛奶", "swaps one item for another")]
    [InlineData("苹果换成牛奶2份", "swaps one item for another")]
    [InlineData("牛奶改成2，面包+1", "mixes a change with a new order")]
    [InlineData("改成", "a change without a new quantity")]
    [InlineData("牛奶改成两三箱", "an approximate quantity '两三'")]
    [InlineData("牛奶改成100", "quantity must be 1 to 99, not 100")]
    [InlineData("牛奶改成2箱，牛奶改成3箱", "two different quantities for item 2")]
    [InlineData("牛奶改成0，面包改成2", "a change to 0 together with other changes")]
    [InlineData("奶改成2", "several items match '奶'")]
    public void Changes_that_cannot_be_resolved_are_unclear(string text, string reason)
    {
        var reply = Parse(text, Catalogs.Fresh);

        Assert.Equal("Unclear", Show(reply));
        Assert.Equal(reason, reply.Reason);
    }

    [Theory]
    [InlineData("改天再买")]
    [InlineData("我改一下地址")]
    [InlineData("能改成2份吗")]
    public void Words_with_gai_that_change_nothing_are_not_changes(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Single));
    }
}
