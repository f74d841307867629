using GroupBuy.Conversations.Privacy;
using Xunit;

namespace GroupBuy.Conversations.Tests.Privacy;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138 1234 5678", "138****5678")]
    [InlineData("+86 138-1234-5678", "861****5678")]
    [InlineData("1234", "**34")]
    [InlineData("", "")]
    public void Phone_numbers_keep_only_their_ends(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Fact]
    public void Addresses_keep_only_their_first_two_characters()
    {
        Assert.Equal("阳光***", PersonalData.MaskAddress("阳光花园8栋201"));
        Assert.Equal("**", PersonalData.MaskAddress("8栋"));
    }

    [Theory]
    [InlineData("+1 8栋201 13812345678", "+1 **栋*** 138****5678")]
    [InlineData("苹果+2，送到3号楼2单元502", "苹果+2，送到**栋***")]
    [InlineData("电话138-1234-5678谢谢", "电话138****5678谢谢")]
    [InlineData("苹果+2", "苹果+2")]
    [InlineData("4号+1", "4号+1")]
    public void Chat_text_is_masked_but_orders_stay_readable(string text, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskText(text));
    }
}
