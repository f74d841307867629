using GroupBuy.Conversations.Ordering.Parsing;
using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Chat that is not an order, including chat that contains order-like text.</summary>
public sealed class ReplyParserNotAnOrderTests
{
    [Theory]
    [InlineData("前天+1的什么时候到")]
    [InlineData("还能+1吗")]
    [InlineData("24盒一箱吗")]
    [InlineData("辛苦团长啦")]
    [InlineData("[动画表情]")]
    [InlineData("好的")]
    [InlineData("收到")]
    [InlineData("几点到货？")]
    [InlineData("+1的都到了吗")]
    [InlineData("明天几号")]
    [InlineData("谢谢团长")]
    [InlineData("👍👍")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("哈哈哈")]
    public void Chit_chat_thanks_and_stickers_are_not_orders(string text)
    {
        Assert.Equal(ReplyKind.None, Parse(text, Catalogs.Single).Kind);
        Assert.Equal(ReplyKind.None, Parse(text, Catalogs.Fresh).Kind);
    }

    [Theory]
    [InlineData("牛奶多少钱")]
    [InlineData("有什么")]
    [InlineData("面包呢")]
    [InlineData("今天到吗？")]
    [InlineData("4号是什么")]
    [InlineData("鸡蛋几个一盒")]
    [InlineData("牛奶+1是不是要明天才到")]
    [InlineData("加2份可以吗")]
    [InlineData("能不能来一份")]
    [InlineData("谁+1了?")]
    [InlineData("牛奶啥时候到")]
    [InlineData("要不要来一箱")]
    public void Questions_are_not_orders(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("+1的明天下午取")]
    [InlineData("昨天+1了还没到")]
    [InlineData("我已经+1了")]
    public void Talk_about_an_earlier_order_is_not_an_order(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Single));
    }

    [Theory]
    [InlineData("牛奶到了")]
    [InlineData("面包很好吃")]
    [InlineData("4号到货了")]
    [InlineData("牛奶还剩2箱")]
    [InlineData("每人限购2份")]
    [InlineData("我一个人吃不完")]
    [InlineData("苹果 10元/3斤")]
    [InlineData("红富士苹果 ¥39.9 5斤")]
    [InlineData("1. 红富士苹果 ¥29.9/箱")]
    public void Mentions_of_items_and_goods_are_not_orders(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("团长，昨天的苹果坏了两个")]
    [InlineData("坏了两个")]
    [InlineData("少了一个")]
    [InlineData("苹果很新鲜，又买了两箱")]
    [InlineData("上次买的两箱还没吃完")]
    [InlineData("两个孩子都爱吃")]
    [InlineData("2个小时后到")]
    [InlineData("我在3号楼")]
    [InlineData("麻烦放在8栋门口")]
    [InlineData("明天下午两点后来拿")]
    [InlineData("买一送一")]
    [InlineData("加油")]
    [InlineData("加一下微信")]
    [InlineData("请大家+1")]
    [InlineData("好不好")]
    [InlineData("订单号12345")]
    public void Complaints_addresses_and_talk_with_numbers_are_not_orders(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Single));
    }

    [Theory]
    [InlineData("我也要")]
    [InlineData("我要")]
    public void Wanting_without_a_count_or_a_quoted_item_is_not_an_order(string text)
    {
        Assert.Equal("None", Show(text, Catalogs.Single));
        Assert.Equal("None", Show(text, Catalogs.Fresh));
    }

    [Fact]
    public void Not_wanting_under_a_quoted_item_orders_nothing()
    {
        Assert.NotEqual(ReplyKind.Order, Parse("我不要", Catalogs.Fresh, quoted: 3).Kind);
    }

    [Fact]
    public void A_huge_number_is_not_read_as_a_count()
    {
        // After "+" it is a count all the same, one out of range: asked back (ReplyParserUnclearTests), never read as a smaller one.
        Assert.Equal("Unclear", Show("+1000000", Catalogs.Single));
        Assert.Equal("None", Show("订单号 1000000 什么时候到", Catalogs.Single));
    }
}
