using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Time;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class SettlementPeriodTests
{
    private static readonly BusinessTimeZone Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void An_iso_week_runs_from_monday_midnight_to_the_next_monday_midnight_business_time()
    {
        Assert.True(SettlementPeriod.TryParseWeek("2026-W48", Shanghai, out var week));

        Assert.Equal("2026-W48", week.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, Beijing), week.Start);
        Assert.Equal(Beijing, week.Start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, Beijing), week.End);
        Assert.Equal(new DateOnly(2026, 11, 23), week.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 29), week.LastDay);
    }

    [Fact]
    public void Sunday_night_belongs_to_the_week_and_monday_midnight_shanghai_to_the_next_though_utc_still_says_sunday()
    {
        var w48 = SettlementPeriod.Week(2026, 48, Shanghai);
        var sundayNight = new DateTimeOffset(2026, 11, 29, 23, 59, 59, Beijing);
        var mondayMidnight = new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);

        Assert.True(w48.Contains(sundayNight));
        Assert.False(w48.Contains(mondayMidnight));
        Assert.Equal("2026-W49", SettlementPeriod.WeekOf(mondayMidnight, Shanghai).Name);
        Assert.Equal("2026-W48", SettlementPeriod.WeekOf(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), Shanghai).Name);
    }

    [Fact]
    public void A_month_runs_from_the_first_midnight_to_the_next_months_first_midnight_business_time()
    {
        Assert.True(SettlementPeriod.TryParseMonth("2026-11", Shanghai, out var november));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Beijing), november.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Beijing), november.End);
        Assert.True(november.Contains(new DateTimeOffset(2026, 11, 30, 23, 59, 59, Beijing)));
        Assert.False(november.Contains(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.True(november.Contains(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12", SettlementPeriod.MonthOf(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), Shanghai).Name);
    }

    [Fact]
    public void The_iso_week_of_new_years_day_can_belong_to_the_year_before()
    {
        var week = SettlementPeriod.WeekOf(new DateTimeOffset(2027, 1, 1, 12, 0, 0, Beijing), Shanghai);

        Assert.Equal("2026-W53", week.Name);
        Assert.Equal(new DateOnly(2026, 12, 28), week.FirstDay);
        Assert.Equal(new DateOnly(2027, 1, 3), week.LastDay);
    }

    [Fact]
    public void Until_cuts_a_month_short_at_the_end_of_a_week()
    {
        var november = SettlementPeriod.Month(2026, 11, Shanghai);
        var w48 = SettlementPeriod.Week(2026, 48, Shanghai);

        var toDate = november.Until(w48.End);

        Assert.Equal(november.Start, toDate.Start);
        Assert.Equal(w48.End, toDate.End);
        Assert.Equal(new DateOnly(2026, 11, 29), toDate.LastDay);
        Assert.Same(november, november.Until(november.End.AddDays(3)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-48")]
    [InlineData("2026W48")]
    [InlineData("2026-W00")]
    [InlineData("2025-W53")]
    [InlineData("2026-W54")]
    [InlineData("2026-W4")]
    [InlineData("26-W48")]
    [InlineData("2026-W٤٨")]
    public void A_malformed_week_is_refused(string? text)
    {
        Assert.False(SettlementPeriod.TryParseWeek(text, Shanghai, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("11-2026")]
    [InlineData("2026/11")]
    public void A_malformed_month_is_refused(string? text)
    {
        Assert.False(SettlementPeriod.TryParseMonth(text, Shanghai, out _));
    }
}
