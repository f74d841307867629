using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Time;
using Xunit;

namespace GroupBuy.Conversations.Tests.Reminders;

/// <summary>When the reminders after 到货 fall, on Beijing time, with the default settings.</summary>
public sealed class PickupReminderPlanTests
{
    private static readonly BusinessTimeZone Zone = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Theory]
    [InlineData("2026-11-27T15:00:00+08:00", "First 2026-11-27T17:00:00+08:00", "NextMorning 2026-11-28T10:00:00+08:00", "LeaderOverdue 2026-11-29T15:00:00+08:00")]
    [InlineData("2026-11-27T20:00:00+08:00", null, "NextMorning 2026-11-28T10:00:00+08:00", "LeaderOverdue 2026-11-29T20:00:00+08:00")]
    [InlineData("2026-11-27T22:30:00+08:00", null, "NextMorning 2026-11-28T10:00:00+08:00", "LeaderOverdue 2026-11-30T08:00:00+08:00")]
    [InlineData("2026-11-28T00:30:00+08:00", null, "NextMorning 2026-11-29T10:00:00+08:00", "LeaderOverdue 2026-11-30T08:00:00+08:00")]
    [InlineData("2026-11-27T06:30:00+08:00", "First 2026-11-27T08:30:00+08:00", "NextMorning 2026-11-28T10:00:00+08:00", "LeaderOverdue 2026-11-29T08:00:00+08:00")]
    public void Reminders_follow_arrival_and_never_come_at_night(string arrivedAt, string? first, string nextMorning, string leader)
    {
        var plan = PickupReminderPlan.For(DateTimeOffset.Parse(arrivedAt, System.Globalization.CultureInfo.InvariantCulture), ReminderSettings.Default, Zone)
            .Select(s => $"{s.Step} {Zone.ToLocal(s.DueAt):yyyy-MM-ddTHH:mm:sszzz}")
            .ToList();

        string[] expected = first is null ? [nextMorning, leader] : [first, nextMorning, leader];
        Assert.Equal(expected, plan);
    }
}
