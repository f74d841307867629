using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Replies that take items off, or the whole order.</summary>
public sealed class ReplyParserCancelTests
{
    [Theory]
    [InlineData("这个不要了")]
    [InlineData("不要了")]
    [InlineData("都取消吧")]
    [InlineData("全部取消")]
    [InlineData("取消")]
    [InlineData("不好意思，不要了")]
    [InlineData("我的订单取消一下")]
    [InlineData("不买了，谢谢团长")]
    [InlineData("全不要了")]
    [InlineData("我的那份不要了")]
    [InlineData("算了不要了")]
    [InlineData("取消订单")]
    [InlineData("这单取消")]
    [InlineData("退了吧")]
    public void Cancelling_without_an_item_cancels_everything(string text)
    {
        var reply = Parse(text, Catalogs.Fresh);

        Assert.Equal("Cancel", Show(reply));
        Assert.Empty(reply.Lines);
    }

    [Theory]
    [InlineData("取消面包", "Cancel 3")]
    [InlineData("面包不要了", "Cancel 3")]
    [InlineData("退掉2号", "Cancel 2")]
    [InlineData("2号不要了", "Cancel 2")]
    [InlineData("不要面包了", "Cancel 3")]
    [InlineData("取消牛奶和面包", "Cancel 2 3")]
    [InlineData("牛奶面包都不要了", "Cancel 2 3")]
    [InlineData("删掉第4个", "Cancel 4")]
    [InlineData("三文鱼不要了", "Cancel 7")]
    [InlineData("取消2号和3号", "Cancel 2 3")]
    [InlineData("2号3号不要了", "Cancel 2 3")]
    [InlineData("面包取消", "Cancel 3")]
    [InlineData("退掉牛奶", "Cancel 2")]
    public void Cancelling_named_items_cancels_those(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("这个不要了")]
    [InlineData("不要了")]
    public void Cancelling_under_a_quoted_item_cancels_that_item(string text)
    {
        Assert.Equal("Cancel 5", Show(text, Catalogs.Fresh, quoted: 5));
    }

    [Fact]
    public void Cancelling_everything_under_a_quoted_item_still_cancels_everything()
    {
        Assert.Equal("Cancel", Show("全部取消", Catalogs.Fresh, quoted: 5));
    }

    [Theory]
    [InlineData("取消一份牛奶", "cancels part of an item")]
    [InlineData("面包不要2个了", "cancels part of an item")]
    [InlineData("面包不要了，牛奶+1", "mixes a cancellation with an order")]
    [InlineData("取消香蕉", "no item matches '香蕉'")]
    [InlineData("奶不要了", "several items match '奶'")]
    [InlineData("退掉9号", "no item 9")]
    [InlineData("退一份", "cancels part of an item")]
    [InlineData("不要面包，要牛奶", "mixes a cancellation with an order")]
    [InlineData("除了面包都不要了", "cancels all but some items")]
    [InlineData("撤销+1", "mixes a cancellation with an order")]
    public void Cancellations_that_cannot_be_resolved_are_unclear(string text, string reason)
    {
        var reply = Parse(text, Catalogs.Fresh);

        Assert.Equal("Unclear", Show(reply));
        Assert.Equal(reason, reply.Reason);
    }

    [Theory]
    [InlineData("不要客气")]
    [InlineData("可以取消吗")]
    [InlineData("怎么取消")]
    [InlineData("我要退货")]
    [InlineData("退款")]
    [InlineData("不用了谢谢")]
    public void Cancel_words_in_politeness_or_questions_cancel_nothing(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Fresh));
    }
}
