namespace GroupBuy.BotHost.Schedules;

/// <param name="CronText">The cron in plain Chinese, as the console shows it: "每周三 20:00".</param>
/// <param name="NextRuns">The next five run times in the business time zone; empty while the schedule is disabled.</param>
/// <param name="JobId">The Hangfire recurring job that runs it (seen on /hangfire).</param>
internal sealed record ScheduleResponse(
    long Id,
    string Name,
    string Cron,
    string CronText,
    string TimeZone,
    bool Enabled,
    string Title,
    IReadOnlyList<string> ChatIds,
    string ClosesAfter,
    string PickupAfter,
    string PickupPoint,
    IReadOnlyList<ScheduleItemResponse> Items,
    IReadOnlyList<DateTimeOffset> NextRuns,
    string JobId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Warnings);

internal sealed record ScheduleItemResponse(int ItemNo, string Name, IReadOnlyList<string> Aliases, decimal Price, decimal ReferencePrice, string Category, int? Stock, bool AllowUnsuitable);
