using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Schedules;

/// <summary>
/// Publishes the campaign of a schedule's run: the latest occurrence for the recurring job, this
/// minute for ops' 立即运行 (<see cref="RunNowAsync"/>). The run row (unique per schedule and
/// run time), the campaign, its published status and its previews are one transaction: a second
/// execution of the same occurrence, here or on another host, fails on the run row and publishes
/// nothing, and an execution that stops half-way leaves nothing behind for its retry to trip on.
/// </summary>
public sealed class ScheduledPublishing(
    GroupBuyDbContext db,
    CampaignPublishing publishing,
    ICutOffScheduler cutOffs,
    BusinessTimeZone zone,
    TimeProvider clock)
{
    /// <summary>The recurring job's run: the occurrence due now by the cron, while the schedule is enabled.</summary>
    public async Task<ScheduledRunResult> RunAsync(long scheduleId, CancellationToken cancellationToken)
    {
        var schedule = await LoadAsync(scheduleId, cancellationToken);
        if (schedule is not { Enabled: true })
        {
            return NotRunning(schedule is null ? $"There is no schedule {scheduleId}." : $"Schedule {scheduleId} is disabled.");
        }

        var now = clock.GetUtcNow();
        // The occurrence comes from the cron, not from when the job started: a late start, a retry
        // and a second host all name the same run time, and so the same run row.
        if (ScheduleCron.Parse(schedule.Cron).Previous(now, zone.Zone) is not { } runAt)
        {
            return NotRunning($"Schedule {scheduleId} ('{schedule.Cron}') has no run time before now.");
        }

        return await PublishRunAsync(schedule, runAt, now, cancellationToken);
    }

    /// <summary>
    /// Ops' 立即运行: publishes a run now, through the same claim, campaign, previews and cut-off
    /// job as the recurring job, whether or not the schedule is paused (pausing stops the cron,
    /// not ops). Its run key is the current minute, whole: cron times are whole minutes, so
    /// <list type="bullet">
    /// <item>pressing it twice in one minute (or two people at once) names one run, and the second finds it published;</item>
    /// <item>pressing it in the very minute of a cron occurrence names that occurrence's run, so the button and the job
    /// racing each other publish once, whichever claims the row first;</item>
    /// <item>pressing it in any other minute is a run of its own, an extra campaign ops asked for, cut off and picked up
    /// at the schedule's offsets from now; the next cron occurrence still publishes as planned.</item>
    /// </list>
    /// </summary>
    public async Task<ScheduledRunResult> RunNowAsync(long scheduleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(scheduleId, cancellationToken) is not { } schedule)
        {
            return NotRunning($"There is no schedule {scheduleId}.");
        }

        var now = clock.GetUtcNow();
        var thisMinute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return await PublishRunAsync(schedule, thisMinute, now, cancellationToken);
    }

    private Task<Schedule?> LoadAsync(long scheduleId, CancellationToken cancellationToken) =>
        db.Schedules.AsNoTracking().Include(s => s.Items).Include(s => s.Targets).FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);

    /// <summary>Publishes the run at <paramref name="runAt"/> unless it was claimed before, then makes sure its cut-off job is planned.</summary>
    private async Task<ScheduledRunResult> PublishRunAsync(Schedule schedule, DateTimeOffset runAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await TryPublishAsync(schedule, runAt, now, cancellationToken)
            ?? await EarlierRunAsync(schedule.Id, runAt, cancellationToken);
        if (result.CutOffPending)
        {
            await ScheduleCutOffAsync(schedule.Id, runAt, result.CampaignId!.Value, result.ClosesAt!.Value, cancellationToken);
        }

        return result with { CutOffPending = false };
    }

    /// <summary>Null when the occurrence was claimed before (or is being claimed right now by another host).</summary>
    private async Task<ScheduledRunResult?> TryPublishAsync(Schedule schedule, DateTimeOffset runAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var utcRunAt = runAt.ToUniversalTime();
        if (await db.ScheduleRuns.AnyAsync(r => r.ScheduleId == schedule.Id && r.RunAt == utcRunAt, cancellationToken))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new ScheduleRun(schedule.Id, runAt, now);
        db.ScheduleRuns.Add(run);
        try
        {
            // On PostgreSQL a competing insert waits here until the other transaction ends, then fails.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }

        var campaign = schedule.CampaignFor(runAt, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        run.Created(campaign.Id);

        // Saves the run's campaign id with the status change and the previews.
        var published = await publishing.PublishAsync(campaign.Id, cancellationToken);
        if (published.Outcome != PublishOutcome.Published)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ScheduledRunResult(ScheduledRunOutcome.Refused, published.Reason, runAt, null, null, 0, published.Warnings, false);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ScheduledRunResult(ScheduledRunOutcome.Published, null, runAt, campaign.Id, campaign.ClosesAt, published.PreviewsQueued, published.Warnings, true);
    }

    private async Task<ScheduledRunResult> EarlierRunAsync(long scheduleId, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        var utcRunAt = runAt.ToUniversalTime();
        var earlier = await db.ScheduleRuns.AsNoTracking()
            .Where(r => r.ScheduleId == scheduleId && r.RunAt == utcRunAt)
            .Select(r => new { r.CampaignId, r.CutOffScheduledAt })
            .SingleAsync(cancellationToken);
        var closesAt = await db.Campaigns.Where(c => c.Id == earlier.CampaignId).Select(c => (DateTimeOffset?)c.ClosesAt).SingleOrDefaultAsync(cancellationToken);
        return new ScheduledRunResult(
            ScheduledRunOutcome.AlreadyPublished,
            $"The run of schedule {scheduleId} at {zone.ToLocal(runAt):yyyy-MM-dd HH:mm} was published before.",
            runAt,
            earlier.CampaignId,
            closesAt,
            0,
            [],
            earlier.CutOffScheduledAt is null && closesAt is not null);
    }

    /// <summary>
    /// After commit, so a cut-off is never scheduled for a campaign that was rolled back. A stop
    /// between the commit and here leaves the run without its mark, and the retry schedules it.
    /// </summary>
    private async Task ScheduleCutOffAsync(long scheduleId, DateTimeOffset runAt, long campaignId, DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        cutOffs.ScheduleCutOff(campaignId, closesAt);
        var utcRunAt = runAt.ToUniversalTime();
        var run = await db.ScheduleRuns.SingleAsync(r => r.ScheduleId == scheduleId && r.RunAt == utcRunAt, cancellationToken);
        run.CutOffScheduled(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ScheduledRunResult NotRunning(string reason) => new(ScheduledRunOutcome.NotRunning, reason, null, null, null, 0, [], false);
}
