namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>
/// A run that published: when (the cron occurrence, or the minute of a 立即运行), the campaign it
/// made, and who pressed 立即运行 when it was not the cron (null for the cron's own runs).
/// </summary>
public sealed record ScheduleRunRow(DateTimeOffset RunAt, long? CampaignId, string? CampaignTitle, CampaignStage? Stage, string? RanBy);
