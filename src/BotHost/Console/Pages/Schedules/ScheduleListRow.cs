namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>A schedule as the list shows it: its cron with the words for it, its groups by name, what comes next and what ran last.</summary>
public sealed record ScheduleListRow(
    long Id,
    string Name,
    string Cron,
    string CronText,
    bool Enabled,
    IReadOnlyList<string> Groups,
    IReadOnlyList<DateTimeOffset> NextRuns,
    IReadOnlyList<ScheduleRunRow> LastRuns,
    int RunCount);
