using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Replies that add to an order, as people really type them.</summary>
public sealed class ReplyParserOrderTests
{
    [Theory]
    [InlineData("+1", "Order 1:1")]
    [InlineData("＋２", "Order 1:2")]
    [InlineData("➕1", "Order 1:1")]
    [InlineData("加1", "Order 1:1")]
    [InlineData("加二", "Order 1:2")]
    [InlineData("+ 3", "Order 1:3")]
    [InlineData("+1份", "Order 1:1")]
    [InlineData("+三份", "Order 1:3")]
    [InlineData("x2", "Order 1:2")]
    [InlineData("×2", "Order 1:2")]
    [InlineData("*2", "Order 1:2")]
    [InlineData("X2", "Order 1:2")]
    [InlineData("✖️2", "Order 1:2")]
    [InlineData("再加一份", "Order 1:1")]
    [InlineData("+1了", "Order 1:1")]
    public void Plus_forms_add_to_the_only_item(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Single));
    }

    [Theory]
    [InlineData("+1", "Order 1:1")]
    [InlineData("+2", "Order 1:2")]
    [InlineData("加一", "Order 1:1")]
    [InlineData("来一份", "Order 1:1")]
    [InlineData("要两份", "Order 1:2")]
    [InlineData("两份", "Order 1:2")]
    [InlineData("我也+1", "Order 1:1")]
    [InlineData("王阿姨+1", "Order 1:1")]
    [InlineData("算我一个", "Order 1:1")]
    [InlineData("给我来一个", "Order 1:1")]
    [InlineData("帮我拿两个", "Order 1:2")]
    [InlineData("留一份", "Order 1:1")]
    [InlineData("预定2份", "Order 1:2")]
    [InlineData("接龙+1", "Order 1:1")]
    [InlineData("团长，我要两份", "Order 1:2")]
    [InlineData("来3", "Order 1:3")]
    [InlineData("+10", "Order 1:10")]
    [InlineData("+99", "Order 1:99")]
    public void A_bare_count_in_a_single_item_campaign_orders_that_item(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Single));
    }

    [Theory]
    [InlineData("+1", 3, "Order 3:1")]
    [InlineData("+2", 5, "Order 5:2")]
    [InlineData("来一份", 4, "Order 4:1")]
    [InlineData("牛奶+1", 4, "Order 2:1")]
    [InlineData("我要", 3, "Order 3:1")]
    [InlineData("我也要，谢谢", 3, "Order 3:1")]
    [InlineData("这个要两份", 6, "Order 6:2")]
    [InlineData("这个+1", 7, "Order 7:1")]
    public void A_bare_count_under_a_quoted_item_orders_the_quoted_item(string text, int quoted, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh, quoted));
    }

    [Theory]
    [InlineData("牛奶+1", "Order 2:1")]
    [InlineData("+2 牛奶", "Order 2:2")]
    [InlineData("牛奶两箱", "Order 2:2")]
    [InlineData("来一箱牛奶", "Order 2:1")]
    [InlineData("帮我留3份牛奶", "Order 2:3")]
    [InlineData("要两个苹果", "Order 1:2")]
    [InlineData("纯牛奶+1", "Order 2:1")]
    [InlineData("牛奶 +1", "Order 2:1")]
    [InlineData("牛奶x2", "Order 2:2")]
    [InlineData("牛奶2", "Order 2:2")]
    [InlineData("买2袋面包", "Order 3:2")]
    [InlineData("五花肉两斤", "Order 6:2")]
    [InlineData("三文鱼+1", "Order 7:1")]
    [InlineData("+1三文鱼", "Order 7:1")]
    [InlineData("要牛奶", "Order 2:1")]
    [InlineData("我要牛奶和面包", "Order 2:1 3:1")]
    [InlineData("两包面包", "Order 3:2")]
    public void Items_are_found_by_name_or_alias_before_or_after_the_count(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("4号+1", "Order 4:1")]
    [InlineData("4号两份", "Order 4:2")]
    [InlineData("4+1", "Order 4:1")]
    [InlineData("4号 1份", "Order 4:1")]
    [InlineData("第4个+1", "Order 4:1")]
    [InlineData("第四个+1", "Order 4:1")]
    [InlineData("四号两份", "Order 4:2")]
    [InlineData("4号x2", "Order 4:2")]
    [InlineData("4 +2", "Order 4:2")]
    [InlineData("要2号", "Order 2:1")]
    [InlineData("①+1", "Order 1:1")]
    public void Items_are_found_by_number(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("牛奶+1 面包+2", "Order 2:1 3:2")]
    [InlineData("2号1份，5号3份", "Order 2:1 5:3")]
    [InlineData("牛奶面包各一份", "Order 2:1 3:1")]
    [InlineData("牛奶、面包各2份", "Order 2:2 3:2")]
    [InlineData("牛奶和面包都要一份", "Order 2:1 3:1")]
    [InlineData("牛奶+1\n面包+2\n4号3份", "Order 2:1 3:2 4:3")]
    [InlineData("+1 牛奶 +2 面包", "Order 2:1 3:2")]
    [InlineData("来一箱牛奶，面包+1", "Order 2:1 3:1")]
    [InlineData("牛奶面包+1", "Order 2:1 3:1")]
    [InlineData("牛奶+1 牛奶+2", "Order 2:3")]
    [InlineData("1号2号各一份", "Order 1:1 2:1")]
    [InlineData("1、2、3号各一份", "Order 1:1 2:1 3:1")]
    [InlineData("1和2号各两份", "Order 1:2 2:2")]
    [InlineData("3.5号各1份", "Order 3:1 5:1")]
    [InlineData("1到3号各一份", "Order 1:1 2:1 3:1")]
    [InlineData("1-3号各一份", "Order 1:1 2:1 3:1")]
    [InlineData("2到4号各两份", "Order 2:2 3:2 4:2")]
    [InlineData("1+1 3+2 5+1", "Order 1:1 3:2 5:1")]
    [InlineData("1+1，3+2", "Order 1:1 3:2")]
    [InlineData("王阿姨 3+1", "Order 3:1")]
    [InlineData("苹果牛奶鸡蛋每样一份", "Order 1:1 2:1 4:1")]
    [InlineData("我要一份牛奶一份面包", "Order 2:1 3:1")]
    [InlineData("两份牛奶一份面包", "Order 2:2 3:1")]
    [InlineData("牛奶1面包2", "Order 2:1 3:2")]
    [InlineData("鸡蛋2盒，面包1袋，牛奶1箱", "Order 4:2 3:1 2:1")]
    [InlineData("鸡蛋*2 面包*1", "Order 4:2 3:1")]
    [InlineData("要一个面包和两箱牛奶", "Order 3:1 2:2")]
    [InlineData("4号+1 5号+2 6号+3 7号+4", "Order 4:1 5:2 6:3 7:4")]
    public void Several_items_in_one_message(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("每样一份")]
    [InlineData("全部各一")]
    [InlineData("每样各来一份")]
    [InlineData("各一份")]
    [InlineData("全要一份")]
    [InlineData("所有的都要一份")]
    [InlineData("都来一份")]
    [InlineData("一样来一份")]
    [InlineData("每个都要一份")]
    [InlineData("各来一份")]
    [InlineData("全都来一份")]
    public void Each_of_everything_orders_every_item(string text)
    {
        Assert.Equal("Order 1:1 2:1 3:1 4:1 5:1 6:1 7:1", Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("二", 2)]
    [InlineData("两", 2)]
    [InlineData("俩", 2)]
    [InlineData("仨", 3)]
    [InlineData("三", 3)]
    [InlineData("四", 4)]
    [InlineData("五", 5)]
    [InlineData("六", 6)]
    [InlineData("七", 7)]
    [InlineData("八", 8)]
    [InlineData("九", 9)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十五", 25)]
    [InlineData("九十九", 99)]
    public void Chinese_numerals_are_counts(string numeral, int count)
    {
        Assert.Equal($"Order 2:{count}", Show($"牛奶+{numeral}", Catalogs.Fresh));
        Assert.Equal($"Order 2:{count}", Show($"牛奶{numeral}份", Catalogs.Fresh));
        Assert.Equal($"Order 1:{count}", Show($"加{numeral}", Catalogs.Single));
    }

    [Theory]
    [InlineData('份')]
    [InlineData('个')]
    [InlineData('盒')]
    [InlineData('箱')]
    [InlineData('袋')]
    [InlineData('桶')]
    [InlineData('提')]
    [InlineData('瓶')]
    [InlineData('斤')]
    [InlineData('包')]
    [InlineData('支')]
    [InlineData('只')]
    [InlineData('块')]
    [InlineData('件')]
    [InlineData('套')]
    [InlineData('组')]
    [InlineData('把')]
    [InlineData('颗')]
    [InlineData('条')]
    [InlineData('罐')]
    public void Measure_words_follow_a_count(char unit)
    {
        Assert.Equal("Order 2:2", Show($"牛奶2{unit}", Catalogs.Fresh));
        Assert.Equal("Order 2:2", Show($"牛奶两{unit}", Catalogs.Fresh));
        Assert.Equal("Order 2:3", Show($"+3{unit}牛奶", Catalogs.Fresh));
    }

    [Theory]
    [InlineData("2L装牛奶+1", "Order 2:1")]
    [InlineData("500g鸡蛋+2", "Order 4:2")]
    [InlineData("牛奶250ml*24盒 +1", "Order 2:1")]
    [InlineData("6瓶装牛奶+2", "Order 2:2")]
    [InlineData("鸡蛋30枚装 x2", "Order 4:2")]
    [InlineData("5斤装苹果+1", "Order 1:1")]
    [InlineData("3号楼王阿姨 苹果+1", "Order 1:1")]
    [InlineData("8栋2单元201 面包+2", "Order 3:2")]
    [InlineData("苹果+1 ¥29.9", "Order 1:1")]
    [InlineData("面包+2 共12.8元", "Order 3:2")]
    [InlineData("明天10:30 牛奶+1", "Order 2:1")]
    [InlineData("周四来取 鸡蛋+2", "Order 4:2")]
    public void Specifications_addresses_prices_and_times_are_not_quantities(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("+1 8栋201", "Order 1:1")]
    [InlineData("加2份，6号楼", "Order 1:2")]
    [InlineData("+1 13812345678", "Order 1:1")]
    [InlineData("+2 电话138-1234-5678", "Order 1:2")]
    [InlineData("+1 +86 13812345678", "Order 1:1")]
    [InlineData("+1 12-1-302", "Order 1:1")]
    [InlineData("6号楼 2份", "Order 1:2")]
    [InlineData("+1 8栋 201室 王阿姨", "Order 1:1")]
    public void Addresses_and_phone_numbers_after_a_bare_count_are_not_quantities(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Single));
    }

    [Theory]
    [InlineData("牛奶+1 谢谢")]
    [InlineData("牛奶+1😊")]
    [InlineData("牛奶+1~")]
    [InlineData("牛奶+1！")]
    [InlineData("牛奶+1 辛苦啦")]
    [InlineData("牛奶+1，谢谢团长~")]
    [InlineData("牛奶+1[抱拳]")]
    [InlineData("辛苦团长 牛奶+1")]
    [InlineData("好的，牛奶+1")]
    [InlineData("牛奶＋１。")]
    public void Thanks_emoji_and_punctuation_around_an_order_are_ignored(string text)
    {
        Assert.Equal("Order 2:1", Show(text, Catalogs.Fresh));
    }

    [Theory]
    [InlineData("苹果+1，几点到货？", "Order 1:1")]
    [InlineData("牛奶+1，面包还有吗", "Order 2:1")]
    [InlineData("之前忘了，牛奶+1", "Order 2:1")]
    public void A_question_or_remark_beside_an_order_leaves_the_order(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Fresh));
    }
}
