using System.Globalization;
using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using GroupBuy.Jobs.Schedules;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Schedules;

/// <summary>
/// Ops edit campaign schedules. Every change is saved first and then applied to the schedule's
/// Hangfire recurring job; should that fail, the next start-up brings the job in line with the table.
/// </summary>
internal static class ScheduleEndpoints
{
    private const int NextRunCount = 5;

    public static IEndpointRouteBuilder MapSchedules(this IEndpointRouteBuilder endpoints)
    {
        var schedules = endpoints.MapGroup("/api/schedules").RequireAuthorization(AdminAuthentication.ApiPolicy);
        schedules.MapPost("/", CreateAsync);
        schedules.MapGet("/", ListAsync);
        schedules.MapGet("/{id:long}", GetAsync);
        schedules.MapPut("/{id:long}", ReplaceAsync);
        schedules.MapDelete("/{id:long}", DeleteAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, GroupBuyDbContext db, ScheduleJobs jobs, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ScheduleRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (await ScheduleEditing.AddAsync(input, db, now, zone, errors, cancellationToken) is not ({ } schedule, { } valid))
        {
            return errors.ToProblem();
        }

        await ScheduleEditing.SaveAsync(schedule, db, jobs, cancellationToken);
        return Results.Created($"/api/schedules/{schedule.Id}", Present(schedule, valid.Groups, zone, now, valid.Warnings));
    }

    private static async Task<IResult> ListAsync(GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var schedules = await db.Schedules.AsNoTracking().Include(s => s.Items).Include(s => s.Targets).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var groupIds = schedules.SelectMany(s => s.Targets.Select(t => t.GroupId)).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return Results.Ok(schedules.Select(s => Present(s, groups, zone, now, [])));
    }

    private static async Task<IResult> GetAsync(long id, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var schedule = await db.Schedules.AsNoTracking().Include(s => s.Items).Include(s => s.Targets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return Problems.NotFound($"There is no schedule {id}.");
        }

        var groupIds = schedule.Targets.Select(t => t.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync(cancellationToken);
        return Results.Ok(Present(schedule, groups, zone, clock.GetUtcNow(), []));
    }

    /// <summary>Replaces a schedule with the same body and checks as POST; runs already published keep their campaigns.</summary>
    private static async Task<IResult> ReplaceAsync(
        long id, HttpRequest request, GroupBuyDbContext db, ScheduleJobs jobs, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ScheduleRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var schedule = await ScheduleEditing.FindAsync(id, db, cancellationToken);
        if (schedule is null)
        {
            return Problems.NotFound($"There is no schedule {id}.");
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (await ScheduleEditing.ReviseAsync(schedule, input, db, now, zone, errors, cancellationToken) is not { } valid)
        {
            return errors.ToProblem();
        }

        if (!await ScheduleEditing.SaveAsync(schedule, db, jobs, cancellationToken))
        {
            return Problems.ChangedMeanwhile($"Schedule {id}", "changed or deleted");
        }

        return Results.Ok(Present(schedule, valid.Groups, zone, now, valid.Warnings));
    }

    /// <summary>Deletes the schedule and its recurring job; campaigns it already published stay.</summary>
    private static async Task<IResult> DeleteAsync(long id, GroupBuyDbContext db, ScheduleJobs jobs, CancellationToken cancellationToken)
    {
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return Problems.NotFound($"There is no schedule {id}.");
        }

        db.Schedules.Remove(schedule);
        return await ScheduleEditing.SaveAsync(schedule, db, jobs, cancellationToken)
            ? Results.NoContent()
            : Problems.ChangedMeanwhile($"Schedule {id}", "changed");
    }

    private static ScheduleResponse Present(Schedule schedule, IReadOnlyList<Group> groups, BusinessTimeZone zone, DateTimeOffset now, IReadOnlyList<string> warnings) => new(
        schedule.Id,
        schedule.Name,
        schedule.Cron,
        CronInChinese.Describe(schedule.Cron),
        zone.Zone.Id,
        schedule.Enabled,
        schedule.Title,
        [.. schedule.Targets.Select(t => groups.FirstOrDefault(g => g.Id == t.GroupId)?.ChatId ?? string.Empty)],
        schedule.ClosesAfter.ToString("c", CultureInfo.InvariantCulture),
        schedule.PickupAfter.ToString("c", CultureInfo.InvariantCulture),
        schedule.PickupPoint,
        [.. schedule.Items.OrderBy(i => i.ItemNo).Select(i => new ScheduleItemResponse(i.ItemNo, i.Name, i.Aliases, i.Price, i.ReferencePrice, i.Category, i.Stock, i.AllowUnsuitable))],
        schedule.Enabled ? ScheduleCron.Parse(schedule.Cron).Next(now, zone.Zone, NextRunCount) : [],
        ScheduleJobs.JobId(schedule.Id),
        zone.ToLocal(schedule.CreatedAt),
        zone.ToLocal(schedule.UpdatedAt),
        warnings);
}
