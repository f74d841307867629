using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Time;
using Xunit;

namespace GroupBuy.Conversations.Tests.Segments;

public sealed class SegmentWindowTests
{
    [Fact]
    public void The_window_is_the_thirty_whole_business_days_before_the_day()
    {
        var zone = new BusinessTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var window = SegmentWindow.For(new DateOnly(2026, 12, 1), zone);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), window.From);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)), window.Until);
    }
}
