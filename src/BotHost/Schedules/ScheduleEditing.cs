using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using GroupBuy.Jobs.Schedules;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Schedules;

/// <summary>
/// Creating, replacing, switching and deleting a schedule, for the admin API and the console
/// alike. A change is left in the unit of work, so the console can add its audit entry to the
/// same save; <see cref="SaveAsync"/> then saves and brings the recurring job in line, as every
/// change must (the table is the truth, the job follows it).
/// </summary>
internal static class ScheduleEditing
{
    /// <summary>A new schedule from a body that passed <see cref="ScheduleChecks"/>, added to <paramref name="db"/>; null when it did not.</summary>
    public static async Task<(Schedule Schedule, ValidSchedule Valid)?> AddAsync(
        ScheduleRequest input, GroupBuyDbContext db, DateTimeOffset now, BusinessTimeZone zone, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (await ScheduleChecks.CheckAsync(input, db, now, zone, errors, cancellationToken) is not { } valid)
        {
            return null;
        }

        var schedule = new Schedule(valid.Name, valid.Cron, valid.Title, valid.PickupPoint, valid.ClosesAfter, valid.PickupAfter, valid.Enabled, now);
        Fill(schedule, valid);
        db.Schedules.Add(schedule);
        return (schedule, valid);
    }

    /// <summary>The schedule with its items and targets, tracked for a change; null when there is none.</summary>
    public static Task<Schedule?> FindAsync(long id, GroupBuyDbContext db, CancellationToken cancellationToken) =>
        db.Schedules.Include(s => s.Items).Include(s => s.Targets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Replaces the whole schedule with a checked body; null (and errors) when it did not pass. Runs already published keep their campaigns.</summary>
    public static async Task<ValidSchedule?> ReviseAsync(
        Schedule schedule, ScheduleRequest input, GroupBuyDbContext db, DateTimeOffset now, BusinessTimeZone zone, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (await ScheduleChecks.CheckAsync(input, db, now, zone, errors, cancellationToken) is not { } valid)
        {
            return null;
        }

        schedule.Revise(valid.Name, valid.Cron, valid.Title, valid.PickupPoint, valid.ClosesAfter, valid.PickupAfter, valid.Enabled, now);
        Fill(schedule, valid);

        // Items and targets are rows of their own; saving the version too makes an edit made
        // meanwhile by someone else refuse this one rather than mix the two.
        db.Entry(schedule).Property(s => s.Version).IsModified = true;
        return valid;
    }

    /// <summary>
    /// Saves the unit of work (the change and anything the caller added with it) and then makes
    /// the schedule's recurring job match: added or updated while enabled, removed when disabled
    /// or deleted. False, with nothing saved or applied, when someone changed it meanwhile.
    /// </summary>
    public static async Task<bool> SaveAsync(Schedule schedule, GroupBuyDbContext db, ScheduleJobs jobs, CancellationToken cancellationToken)
    {
        var deleting = db.Entry(schedule).State == EntityState.Deleted;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        if (deleting)
        {
            jobs.Remove(schedule.Id);
        }
        else
        {
            jobs.Apply(schedule);
        }

        return true;
    }

    private static void Fill(Schedule schedule, ValidSchedule valid)
    {
        schedule.ReplaceItems(valid.Items);
        schedule.TargetOnly([.. valid.Groups.Select(g => g.Id)]);
    }
}
