using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>Every schedule, as <c>GET /api/schedules</c> lists them, with its cron in words, the next five runs and the last ones.</summary>
public sealed class IndexModel(GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone) : PageModel
{
    public const int NextRunCount = 5;
    private const int LastRunCount = 3;

    public IReadOnlyList<ScheduleListRow> Schedules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedules = await db.Schedules.AsNoTracking().Include(s => s.Targets).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = schedules.Select(s => s.Id).ToList();
        var groupIds = schedules.SelectMany(s => s.Targets.Select(t => t.GroupId)).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var runs = await ScheduleRuns.NewestAsync(db, ids, LastRunCount, now, cancellationToken);
        var counts = await ScheduleRuns.CountAsync(db, ids, cancellationToken);
        Schedules = [.. schedules.Select(s => new ScheduleListRow(
            s.Id,
            s.Name,
            s.Cron,
            CronInChinese.Describe(s.Cron),
            s.Enabled,
            [.. s.Targets.OrderBy(t => t.GroupId).Select(t => groups.GetValueOrDefault(t.GroupId) ?? string.Empty)],
            // As the API's nextRuns: none while paused, since nothing will run.
            s.Enabled ? ScheduleCron.Parse(s.Cron).Next(now, zone.Zone, NextRunCount) : [],
            runs.GetValueOrDefault(s.Id) ?? [],
            counts.GetValueOrDefault(s.Id)))];
    }
}
