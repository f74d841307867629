using GroupBuy.BotHost.Schedules;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using GroupBuy.Jobs.Schedules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>
/// A schedule: its cron in words, template, groups, the next five runs and the runs so far, and
/// the buttons ops press: 启用 / 暂停 (the row and its recurring job, as <c>PUT /api/schedules/{id}</c>
/// changes them), 立即运行 (the recurring job's own publishing) and 删除 (as <c>DELETE</c>).
/// </summary>
public sealed class DetailModel(
    GroupBuyDbContext db,
    Audit audit,
    ScheduleJobs jobs,
    ScheduledPublishing publishing,
    TimeProvider clock,
    BusinessTimeZone zone) : PageModel
{
    private const int RunsShown = 50;

    public Schedule? Schedule { get; private set; }

    public string CronText { get; private set; } = string.Empty;

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public IReadOnlyList<NextRunRow> NextRuns { get; private set; } = [];

    public IReadOnlyList<ScheduleRunRow> Runs { get; private set; } = [];

    public int RunCount { get; private set; }

    /// <summary>The cut-off and pickup a run started now would have, for the 立即运行 card to say.</summary>
    public NextRunRow RunNow { get; private set; } = null!;

    /// <summary>What ops should know about the items (the price advantage, an override).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>From the action just done: what went wrong, and what publishing warned of.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<string> ActionWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Problem = TempData["Problem"] as string;
        ActionWarnings = TempData["Warnings"] as string[] ?? [];
        Schedule = await db.Schedules.AsNoTracking().Include(s => s.Items).Include(s => s.Targets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (Schedule is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        CronText = CronInChinese.Describe(Schedule.Cron);
        var groupIds = Schedule.Targets.Select(t => t.GroupId).ToList();
        Groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        NextRuns = [.. ComingRuns(Schedule, now).Select(run => new NextRunRow(run, run + Schedule.ClosesAfter, run + Schedule.PickupAfter))];
        RunNow = new NextRunRow(now, now + Schedule.ClosesAfter, now + Schedule.PickupAfter);
        Runs = (await ScheduleRuns.NewestAsync(db, [id], RunsShown, now, cancellationToken)).GetValueOrDefault(id) ?? [];
        RunCount = (await ScheduleRuns.CountAsync(db, [id], cancellationToken)).GetValueOrDefault(id);
        Warnings = [.. Schedule.Items.OrderBy(i => i.ItemNo)
            .SelectMany(i => CategoryRules.Warnings(i.ItemNo, i.Name, i.Category, i.Price, i.ReferencePrice))
            .Select(w => w.InChinese)];
        return Page();
    }

    /// <summary>The next five runs while enabled (the API's nextRuns); while paused, when it would run once enabled, for the page to say so.</summary>
    private IReadOnlyList<DateTimeOffset> ComingRuns(Schedule schedule, DateTimeOffset now) =>
        ScheduleCron.Parse(schedule.Cron).Next(now, zone.Zone, IndexModel.NextRunCount);

    /// <summary>暂停: the row says disabled and the recurring job is removed, as a PUT with <c>"enabled": false</c> does.</summary>
    public Task<IActionResult> OnPostPauseAsync(long id, CancellationToken cancellationToken) => SwitchAsync(id, false, cancellationToken);

    /// <summary>启用: the row says enabled and the recurring job is back, in business time.</summary>
    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken cancellationToken) => SwitchAsync(id, true, cancellationToken);

    /// <summary>立即运行: this minute's run published now, by <see cref="ScheduledPublishing.RunNowAsync"/> (its comment says what the run key makes of a second press).</summary>
    public async Task<IActionResult> OnPostRunAsync(long id, bool confirm, CancellationToken cancellationToken)
    {
        if (!await db.Schedules.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (!confirm)
        {
            return Back(id, problem: "立即运行前请先勾选确认。");
        }

        var result = await publishing.RunNowAsync(id, cancellationToken);
        switch (result.Outcome)
        {
            case ScheduledRunOutcome.Published:
                var campaignId = result.CampaignId!.Value;
                await audit.RecordAsync(User, ScheduleRuns.RunNowAction, ScheduleRuns.Subject(id), ScheduleRuns.RunNowDetail(campaignId), cancellationToken);
                return Back(
                    id,
                    notice: $"已立即运行：活动 #{campaignId} 已发布，开团预告正在发往 {result.PreviewsQueued} 个群，{zone.Time(result.ClosesAt)} 自动截单。",
                    warnings: result.Warnings);
            case ScheduledRunOutcome.AlreadyPublished:
                return Back(id, notice: $"这一分钟的这一期刚刚已经发布过（活动 #{result.CampaignId}），没有重复发布。");
            case ScheduledRunOutcome.Refused:
                return Back(id, problem: $"没有发布：{result.Reason}");
            default:
                return Back(id, problem: $"没有运行：{result.Reason}");
        }
    }

    /// <summary>删除: the schedule and its recurring job, as <c>DELETE /api/schedules/{id}</c>; the campaigns it published stay.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id, bool confirm, CancellationToken cancellationToken)
    {
        var schedule = await ScheduleEditing.FindAsync(id, db, cancellationToken);
        if (schedule is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            return Back(id, problem: "删除前请先勾选确认。");
        }

        db.Schedules.Remove(schedule);
        audit.Record(User, "schedule.delete", ScheduleRuns.Subject(id), schedule.Name);
        if (!await ScheduleEditing.SaveAsync(schedule, db, jobs, cancellationToken))
        {
            return Back(id, problem: "删除时这个排期刚被别人改了，没有删除。请看一下现在的内容再决定。");
        }

        TempData["Notice"] = $"排期“{schedule.Name}”已删除，不会再运行；它发布过的活动都还在。";
        return Redirect("/console/schedules");
    }

    private async Task<IActionResult> SwitchAsync(long id, bool enabled, CancellationToken cancellationToken)
    {
        var schedule = await ScheduleEditing.FindAsync(id, db, cancellationToken);
        if (schedule is null)
        {
            return NotFound();
        }

        if (schedule.Enabled == enabled)
        {
            return Back(id, notice: enabled ? "这个排期已经是启用的。" : "这个排期已经暂停了。");
        }

        schedule.SwitchTo(enabled, clock.GetUtcNow());
        audit.Record(User, enabled ? "schedule.enable" : "schedule.disable", ScheduleRuns.Subject(id), schedule.Name);
        if (!await ScheduleEditing.SaveAsync(schedule, db, jobs, cancellationToken))
        {
            return Back(id, problem: "保存时这个排期刚被别人改了，没有改动。请再试一次。");
        }

        if (!enabled)
        {
            return Back(id, notice: "已暂停：到时间不会再自动发布。已经发布的活动不受影响；需要时仍可“立即运行”。");
        }

        var next = ScheduleCron.Parse(schedule.Cron).Next(clock.GetUtcNow(), zone.Zone, 1);
        return Back(id, notice: next.Count == 0 ? "已启用。" : $"已启用：下一次在 {zone.Time(next[0])} 自动发布。");
    }

    private RedirectResult Back(long id, string? notice = null, string? problem = null, IReadOnlyList<string>? warnings = null) =>
        this.RedirectWith($"/console/schedules/{id}", notice, problem, warnings);
}
