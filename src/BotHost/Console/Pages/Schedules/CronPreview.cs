namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>What the form's cron means, shown beside it: the words and the next runs, or why it is not one.</summary>
public sealed record CronPreview(string? Words, IReadOnlyList<DateTimeOffset> NextRuns, string? Problem);
