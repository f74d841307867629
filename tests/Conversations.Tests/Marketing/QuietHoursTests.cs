using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Time;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.Conversations.Tests.Marketing;

public sealed class QuietHoursTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly BusinessTimeZone Zone = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Theory]
    [InlineData(21, 59, 21, 59, 0)] // before quiet hours: now
    [InlineData(22, 0, 8, 0, 1)] // evening: the next morning
    [InlineData(23, 30, 8, 0, 1)]
    [InlineData(3, 0, 8, 0, 0)] // after midnight: this morning
    [InlineData(7, 59, 8, 0, 0)]
    [InlineData(8, 0, 8, 0, 0)] // quiet hours are over at 08:00
    public void A_message_in_quiet_hours_waits_for_the_morning(int hour, int minute, int dueHour, int dueMinute, int days)
    {
        var now = new DateTimeOffset(2026, 12, 1, hour, minute, 0, Beijing);

        var due = QuietHours.Default.NextSendable(now, Zone);

        Assert.Equal(new DateTimeOffset(2026, 12, 1 + days, dueHour, dueMinute, 0, Beijing), due);
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_none_at_all()
    {
        var afternoon = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));
        Assert.Equal(
            new DateTimeOffset(2026, 12, 1, 14, 0, 0, Beijing),
            afternoon.NextSendable(new DateTimeOffset(2026, 12, 1, 13, 0, 0, Beijing), Zone));

        Assert.True(QuietHours.TryParse("off", out var off));
        var midnight = new DateTimeOffset(2026, 12, 1, 0, 30, 0, Beijing);
        Assert.Equal(midnight, off.NextSendable(midnight, Zone));
    }

    [Theory]
    [InlineData("21:30-07:30", 21, 30, 7, 30)]
    [InlineData("22:00–08:00", 22, 0, 8, 0)]
    public void Quiet_hours_are_read_from_configuration(string text, int startHour, int startMinute, int endHour, int endMinute)
    {
        var settings = MarketingSettings.FromConfiguration(Config(text));

        Assert.Equal(new QuietHours(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute)), settings.QuietHours);
    }

    [Fact]
    public void Unreadable_quiet_hours_name_the_key()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => MarketingSettings.FromConfiguration(Config("10pm to 8am")));

        Assert.Contains("Marketing:QuietHours", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_daily_cap_key_names_the_resident_and_the_business_day() =>
        Assert.Equal("marketing:42:20261201", MarketingCap.Key(42, new DateOnly(2026, 12, 1)));

    private static IConfiguration Config(string quietHours) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("Marketing:QuietHours", quietHours)]).Build();
}
