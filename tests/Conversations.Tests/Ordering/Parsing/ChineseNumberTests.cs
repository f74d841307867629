using GroupBuy.Conversations.Ordering.Parsing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("12", 12)]
    [InlineData("0", 0)]
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
    [InlineData("一十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("两百", 200)]
    [InlineData("二十五", 25)]
    [InlineData("九十九", 99)]
    [InlineData("一百", 100)]
    [InlineData("一百零一", 101)]
    [InlineData("一百一十", 110)]
    [InlineData("一百二", 120)]
    public void Numbers_people_type_are_read(string text, int expected)
    {
        Assert.True(ChineseNumber.TryRead(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("十十")]
    [InlineData("二二")]
    [InlineData("两三")]
    [InlineData("百")]
    [InlineData("十百")]
    [InlineData("一百零零一")]
    [InlineData("1234567")]
    public void What_is_not_one_number_is_refused(string text)
    {
        Assert.False(ChineseNumber.TryRead(text, out _));
    }

    [Theory]
    [InlineData("两三", true)]
    [InlineData("三四", true)]
    [InlineData("一两", true)]
    [InlineData("三五", true)]
    [InlineData("二二", false)]
    [InlineData("三", false)]
    [InlineData("十二", false)]
    public void Two_neighbouring_digits_are_an_approximation(string text, bool approximate)
    {
        Assert.Equal(approximate, ChineseNumber.IsApproximate(text));
    }
}
