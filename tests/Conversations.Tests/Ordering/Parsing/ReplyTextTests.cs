using GroupBuy.Conversations.Ordering.Parsing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("＋２", "+2")]
    [InlineData("➕1", "+1")]
    [InlineData("×2", "x2")]
    [InlineData("✖️3", "x3")]
    [InlineData("X2", "x2")]
    [InlineData("苹果＋１😊", "苹果+1")]
    [InlineData("苹果+2[抱拳][玫瑰]", "苹果+2")]
    [InlineData("[动画表情]", "")]
    [InlineData("  牛奶+1\u3000\u2005面包+2 ", "牛奶+1 面包+2")]
    [InlineData("牛奶+1\r\n\r\n面包+2", "牛奶+1\n面包+2")]
    [InlineData("👍🏻", "")]
    public void Spellings_are_brought_to_one(string typed, string normalized)
    {
        Assert.Equal(normalized, ReplyText.Normalize(typed));
    }
}
