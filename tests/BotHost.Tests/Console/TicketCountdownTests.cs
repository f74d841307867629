using GroupBuy.BotHost.Console.Pages.Tickets;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>How the ticket pages word a deadline and when it stands out.</summary>
public sealed class TicketCountdownTests
{
    private static readonly DateTimeOffset Now = new(2037, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(35 * 60, "还剩 35 分钟", "warn")]
    [InlineData(60 * 60, "还剩 1 小时", "warn")]
    [InlineData(61 * 60, "还剩 1 小时 1 分钟", "")]
    [InlineData((23 * 60 + 59) * 60, "还剩 23 小时 59 分钟", "")]
    [InlineData((2 * 24 + 5) * 3600 + 59 * 60, "还剩 2 天 5 小时", "")]
    [InlineData(30, "不到 1 分钟就到期", "warn")]
    [InlineData(0, "不到 1 分钟就到期", "warn")]
    [InlineData(-30, "刚刚超时", "bad")]
    [InlineData(-2 * 3600, "已超时 2 小时", "bad")]
    [InlineData(-(2 * 3600 + 13 * 60 + 40), "已超时 2 小时 13 分钟", "bad")]
    [InlineData(-3 * 24 * 3600, "已超时 3 天", "bad")]
    public void A_deadline_is_worded_in_whole_units_and_stands_out_within_the_hour_or_past_it(int secondsLeft, string text, string tone)
    {
        var countdown = new TicketCountdown(Now.AddSeconds(secondsLeft), Now);

        Assert.Equal(text, countdown.Text);
        Assert.Equal(tone, countdown.Tone);
    }
}
