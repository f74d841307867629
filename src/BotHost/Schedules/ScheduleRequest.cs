using GroupBuy.BotHost.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Schedules;

namespace GroupBuy.BotHost.Schedules;

/// <summary>
/// Body of <c>POST</c> and <c>PUT /api/schedules</c>: a campaign body whose fixed times are
/// replaced by a cron expression and two offsets from each run (<c>"1.02:00:00"</c> = 1 day 2 hours).
/// </summary>
internal sealed record ScheduleRequest(
    string? Name,
    string? Cron,
    bool? Enabled,
    string? Title,
    IReadOnlyList<string>? ChatIds,
    string? ClosesAfter,
    string? PickupAfter,
    string? PickupPoint,
    IReadOnlyList<CampaignItemRequest>? Items);

/// <summary>A schedule body that passed every check.</summary>
internal sealed record ValidSchedule(
    string Name,
    ScheduleCron Cron,
    bool Enabled,
    string Title,
    IReadOnlyList<Group> Groups,
    TimeSpan ClosesAfter,
    TimeSpan PickupAfter,
    string PickupPoint,
    IReadOnlyList<ScheduleItemTemplate> Items,
    IReadOnlyList<string> Warnings);
