using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Leaders;
using Xunit;

namespace GroupBuy.Conversations.Tests.Leaders;

/// <summary>What reads as a leader command once the chat decoration (@团购助手, "/") is off, and what stays chat.</summary>
public sealed class LeaderCommandReaderTests
{
    [Theory]
    [InlineData("帮助", LeaderCommandKind.Help, "")]
    [InlineData("指令", LeaderCommandKind.Help, "")]
    [InlineData("开团 周四鲜果", LeaderCommandKind.Publish, "周四鲜果")]
    [InlineData("开团：周四鲜果", LeaderCommandKind.Publish, "周四鲜果")]
    [InlineData("开团", LeaderCommandKind.Publish, "")]
    [InlineData("截单", LeaderCommandKind.CutOff, "")]
    [InlineData("截单啦！", LeaderCommandKind.CutOff, "")]
    [InlineData("截单了", LeaderCommandKind.CutOff, "")]
    [InlineData("汇总", LeaderCommandKind.Summary, "")]
    [InlineData("统计", LeaderCommandKind.Summary, "")]
    [InlineData("到货", LeaderCommandKind.Arrival, "")]
    [InlineData("到货啦～", LeaderCommandKind.Arrival, "")]
    [InlineData("已取 1001", LeaderCommandKind.Pickup, "1001")]
    [InlineData("核销 1001 1002", LeaderCommandKind.Pickup, "1001 1002")]
    [InlineData("已取 @王阿姨", LeaderCommandKind.Pickup, "@王阿姨")]
    [InlineData("核销", LeaderCommandKind.Pickup, "")]
    [InlineData("未取", LeaderCommandKind.NotPickedUp, "")]
    [InlineData("缺货 3 2", LeaderCommandKind.Shortage, "3 2")]
    [InlineData("缺货：3号 2份", LeaderCommandKind.Shortage, "3号 2份")]
    [InlineData("提醒", LeaderCommandKind.Remind, "")]
    [InlineData("提醒取货", LeaderCommandKind.Remind, "")]
    [InlineData("佣金", LeaderCommandKind.Commission, "")]
    public void Commands_are_read_with_their_arguments(string text, LeaderCommandKind kind, string argument)
    {
        Assert.True(LeaderCommandReader.TryRead(text, out var command));
        Assert.Equal(kind, command.Kind);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("@团购助手 截单")]
    [InlineData("@团购助手\u2005截单")]
    [InlineData("/截单")]
    [InlineData("／截单")]
    [InlineData("@团购助手 /截单")]
    [InlineData("  截单  ")]
    public void The_mention_and_slash_are_taken_off_before_reading(string raw)
    {
        Assert.True(LeaderCommandReader.TryRead(ChatText.From(raw, "团购助手").Text, out var command));
        Assert.Equal(LeaderCommandKind.CutOff, command.Kind);
    }

    [Theory]
    [InlineData("到货了吗")]
    [InlineData("到货了吗？")]
    [InlineData("截单了吗")]
    [InlineData("已取消")]
    [InlineData("缺货了吗")]
    [InlineData("汇总一下大家的意见")]
    [InlineData("提醒我一下几点取")]
    [InlineData("佣金多少")]
    [InlineData("开团啦大家快来")]
    [InlineData("苹果+1")]
    [InlineData("帮我留一份")]
    [InlineData("")]
    public void Chat_that_only_looks_like_a_command_is_not_one(string text)
    {
        Assert.False(LeaderCommandReader.TryRead(text, out _));
    }
}
