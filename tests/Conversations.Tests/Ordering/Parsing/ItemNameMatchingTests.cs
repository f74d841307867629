using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>How typed words find items: exact first, then a unique part of a name, the longest name winning.</summary>
public sealed class ItemNameMatchingTests
{
    [Theory]
    [InlineData("红富士苹果+1", "Order 2:1")]
    [InlineData("苹果+1", "Order 1:1")]
    [InlineData("红富士苹果+1 苹果+2", "Order 2:1 1:2")]
    [InlineData("香蕉两把", "Order 3:2")]
    public void The_longest_written_name_wins(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.Apples));
    }

    [Theory]
    [InlineData("牛奶+1", "Order 1:1")]
    [InlineData("纯牛奶+1", "Order 1:1")]
    [InlineData("有机纯牛奶+1", "Order 1:1")]
    [InlineData("吐司+2", "Order 2:2")]
    [InlineData("面包两袋", "Order 2:2")]
    [InlineData("+2 鸡蛋", "Order 3:2")]
    [InlineData("土鸡蛋x3", "Order 3:3")]
    [InlineData("来一箱牛奶", "Order 1:1")]
    [InlineData("牛奶面包各一份", "Order 1:1 2:1")]
    [InlineData("牛奶 面包 各一份", "Order 1:1 2:1")]
    [InlineData("王阿姨牛奶+1", "Order 1:1")]
    [InlineData("王阿姨 牛奶 +1", "Order 1:1")]
    [InlineData("取消面包", "Cancel 2")]
    [InlineData("牛奶改成3", "Change 1:3")]
    public void A_unique_part_of_a_name_finds_the_item(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Catalogs.NoAliases));
    }

    [Fact]
    public void An_alias_shared_by_two_items_is_unclear()
    {
        var catalog = new GroupBuy.Conversations.Ordering.Parsing.Catalog(
        [
            new(1, "纯牛奶", ["奶"]),
            new(2, "酸奶", ["奶"]),
        ]);

        Assert.Equal("several items match '奶'", Parse("奶+1", catalog).Reason);
    }

    [Fact]
    public void Two_names_sharing_the_typed_letters_are_unclear()
    {
        var catalog = new GroupBuy.Conversations.Ordering.Parsing.Catalog(
        [
            new(1, "苹果", []),
            new(2, "果汁", []),
        ]);

        Assert.Equal("several items match '苹果汁'", Parse("苹果汁+1", catalog).Reason);
    }

    [Fact]
    public void Names_are_matched_in_any_width_and_case()
    {
        var catalog = new GroupBuy.Conversations.Ordering.Parsing.Catalog(
        [
            new(1, "ＸＯ酱", ["XO酱"]),
            new(2, "可乐", ["Coke"]),
        ]);

        Assert.Equal("Order 1:2", Show("xo酱+2", catalog));
        Assert.Equal("Order 2:1", Show("COKE +1", catalog));
    }
}
