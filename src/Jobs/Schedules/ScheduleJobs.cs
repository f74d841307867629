using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Jobs.Schedules;

/// <summary>
/// Keeps Hangfire's recurring jobs in step with the schedules table: one job per enabled
/// schedule, with its cron read in the business time zone (Hangfire's default would be UTC), and
/// none for a schedule that is disabled or gone. The table is the truth; jobs follow it.
/// </summary>
public sealed class ScheduleJobs(IRecurringJobManager recurringJobs, JobStorage storage, BusinessTimeZone zone)
{
    private const string Prefix = "schedule:";

    public static string JobId(long scheduleId) => $"{Prefix}{scheduleId}";

    /// <summary>After a schedule is created or changed: its job matches it (added, updated, or removed when disabled).</summary>
    public void Apply(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.Enabled)
        {
            Remove(schedule.Id);
            return;
        }

        var id = schedule.Id;
        recurringJobs.AddOrUpdate<PublishScheduledCampaign>(
            JobId(id),
            job => job.RunAsync(id, CancellationToken.None),
            schedule.Cron,
            new RecurringJobOptions { TimeZone = zone.Zone });
    }

    public void Remove(long scheduleId) => recurringJobs.RemoveIfExists(JobId(scheduleId));

    /// <summary>
    /// At start-up: every enabled schedule gets its job as stored now, and jobs of schedules
    /// deleted or disabled while no host was listening are removed.
    /// </summary>
    public async Task SyncAllAsync(GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        var schedules = await db.Schedules.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var schedule in schedules)
        {
            Apply(schedule);
        }

        var wanted = schedules.Where(s => s.Enabled).Select(s => JobId(s.Id)).ToHashSet(StringComparer.Ordinal);
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(j.Id)))
        {
            recurringJobs.RemoveIfExists(job.Id);
        }
    }
}
