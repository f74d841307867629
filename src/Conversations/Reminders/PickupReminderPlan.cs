using GroupBuy.Conversations.Time;

namespace GroupBuy.Conversations.Reminders;

/// <summary>
/// When each reminder step falls for goods that arrived at a given time. People are not woken up:
/// a first reminder that would land at night is left out (the next morning's covers it), and the
/// leader's list waits for the morning.
/// </summary>
public static class PickupReminderPlan
{
    private static readonly TimeOnly DayStarts = new(8, 0);
    private static readonly TimeOnly DayEnds = new(21, 0);

    public static bool IsDaytime(TimeOnly time) => time >= DayStarts && time <= DayEnds;

    public static IReadOnlyList<(PickupReminderStep Step, DateTimeOffset DueAt)> For(DateTimeOffset arrivedAt, ReminderSettings settings, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(zone);
        var steps = new List<(PickupReminderStep, DateTimeOffset)>();
        var arrived = zone.ToLocal(arrivedAt);
        var nextMorning = At(arrived.Date.AddDays(1), settings.NextMorningAt, zone);
        var first = arrivedAt + settings.FirstAfter;
        if (IsDaytime(TimeOnly.FromDateTime(zone.ToLocal(first).DateTime)) && first < nextMorning)
        {
            steps.Add((PickupReminderStep.First, first));
        }

        steps.Add((PickupReminderStep.NextMorning, nextMorning));
        steps.Add((PickupReminderStep.LeaderOverdue, InDaytime(arrivedAt + settings.LeaderAfter, zone)));
        return steps;
    }

    private static DateTimeOffset InDaytime(DateTimeOffset instant, BusinessTimeZone zone)
    {
        var local = zone.ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsDaytime(time))
        {
            return instant;
        }

        return At(time > DayEnds ? local.Date.AddDays(1) : local.Date, DayStarts, zone);
    }

    private static DateTimeOffset At(DateTime day, TimeOnly time, BusinessTimeZone zone)
    {
        var local = day.Date + time.ToTimeSpan();
        return new DateTimeOffset(local, zone.Zone.GetUtcOffset(local));
    }
}
