using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>Reads the runs of schedules for the pages: newest first, with their campaigns and who ran them by hand.</summary>
internal static class ScheduleRuns
{
    /// <summary>The audit action of 立即运行; its detail names the campaign, so a run can say who pressed it.</summary>
    public const string RunNowAction = "schedule.run";

    public static string Subject(long scheduleId) => $"schedule {scheduleId}";

    public static string RunNowDetail(long campaignId) => $"campaign {campaignId}";

    /// <summary>Up to <paramref name="perSchedule"/> newest runs of each schedule, by schedule id.</summary>
    public static async Task<Dictionary<long, List<ScheduleRunRow>>> NewestAsync(
        GroupBuyDbContext db, IReadOnlyCollection<long> scheduleIds, int perSchedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = await db.ScheduleRuns.AsNoTracking()
            .Where(r => scheduleIds.Contains(r.ScheduleId))
            .OrderByDescending(r => r.RunAt)
            .Select(r => new { r.ScheduleId, r.RunAt, r.CampaignId })
            .ToListAsync(cancellationToken);
        var shown = runs.GroupBy(r => r.ScheduleId).SelectMany(g => g.Take(perSchedule)).ToList();

        var campaignIds = shown.Where(r => r.CampaignId is not null).Select(r => r.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        var subjects = scheduleIds.Select(Subject).ToList();
        var byHand = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == RunNowAction && subjects.Contains(a.Subject))
            .Select(a => new { a.Detail, a.Actor })
            .ToListAsync(cancellationToken);
        var actors = byHand.Select(a => a.Actor).Distinct().ToList();
        var names = await db.OpsAccounts.AsNoTracking().Where(a => actors.Contains(a.UserName)).ToDictionaryAsync(a => a.UserName, a => a.DisplayName, cancellationToken);
        var ranBy = byHand.Where(a => a.Detail is not null).GroupBy(a => a.Detail!)
            .ToDictionary(g => g.Key, g => names.GetValueOrDefault(g.First().Actor) ?? g.First().Actor, StringComparer.Ordinal);

        return shown.GroupBy(r => r.ScheduleId).ToDictionary(
            g => g.Key,
            g => g.Select(r =>
            {
                var campaign = r.CampaignId is { } id ? campaigns.GetValueOrDefault(id) : null;
                return new ScheduleRunRow(
                    r.RunAt,
                    r.CampaignId,
                    campaign?.Title,
                    campaign is null ? null : CampaignStages.Of(campaign, now),
                    r.CampaignId is { } cid ? ranBy.GetValueOrDefault(RunNowDetail(cid)) : null);
            }).ToList());
    }

    /// <summary>How many runs each schedule has had.</summary>
    public static Task<Dictionary<long, int>> CountAsync(GroupBuyDbContext db, IReadOnlyCollection<long> scheduleIds, CancellationToken cancellationToken) =>
        db.ScheduleRuns.AsNoTracking().Where(r => scheduleIds.Contains(r.ScheduleId)).GroupBy(r => r.ScheduleId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
