using System.Globalization;
using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Campaigns;
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

    // Guards against typos ("26.00:00:00" for 26 hours), not a business rule.
    private static readonly TimeSpan MaxClosesAfter = TimeSpan.FromDays(30);
    private static readonly TimeSpan MaxPickupAfter = TimeSpan.FromDays(60);

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
        if (await CheckAsync(input, db, now, zone, errors, cancellationToken) is not { } valid)
        {
            return errors.ToProblem();
        }

        var schedule = new Schedule(valid.Name, valid.Cron, valid.Title, valid.PickupPoint, valid.ClosesAfter, valid.PickupAfter, valid.Enabled, now);
        Fill(schedule, valid);
        db.Schedules.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Apply(schedule);
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

        var schedule = await db.Schedules.Include(s => s.Items).Include(s => s.Targets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return Problems.NotFound($"There is no schedule {id}.");
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (await CheckAsync(input, db, now, zone, errors, cancellationToken) is not { } valid)
        {
            return errors.ToProblem();
        }

        schedule.Revise(valid.Name, valid.Cron, valid.Title, valid.PickupPoint, valid.ClosesAfter, valid.PickupAfter, valid.Enabled, now);
        Fill(schedule, valid);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ChangedMeanwhile($"Schedule {id}", "changed or deleted");
        }

        jobs.Apply(schedule);
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
        await db.SaveChangesAsync(cancellationToken);
        jobs.Remove(id);
        return Results.NoContent();
    }

    /// <summary>Checks a POST or PUT body field by field, items and chats by the rules of POST /api/campaigns.</summary>
    private static async Task<ValidSchedule?> CheckAsync(ScheduleRequest input, GroupBuyDbContext db, DateTimeOffset now, BusinessTimeZone zone, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = errors.RequiredText("name", input.Name, 100);
        var cron = ScheduleCron.TryParse(input.Cron, out var cronError);
        if (cron is null)
        {
            errors.Add("cron", cronError);
        }
        else if (cron.Next(now, zone.Zone, 1).Count == 0)
        {
            errors.Add("cron", $"'{cron.Text}' never comes round again, so the schedule would never run.");
        }

        var title = errors.RequiredText("title", input.Title, 200);
        var pickupPoint = errors.RequiredText("pickupPoint", input.PickupPoint, 200);
        var closesAfter = ReadOffset("closesAfter", input.ClosesAfter, MaxClosesAfter, errors);
        var pickupAfter = ReadOffset("pickupAfter", input.PickupAfter, MaxPickupAfter, errors);
        if (closesAfter is { } cut && pickupAfter is { } pickup && pickup < cut)
        {
            errors.Add("pickupAfter", "must not be shorter than closesAfter: pickup comes after the cut-off.");
        }

        var groups = await CampaignChecks.ReadChatsAsync(db, input.ChatIds, errors, cancellationToken);
        var warnings = new List<string>();
        CampaignChecks.ReadItems(input.Items, errors, warnings);
        if (errors.Any)
        {
            return null;
        }

        var items = input.Items!.Select(i => new ScheduleItemTemplate(
            i.Name!.Trim(), i.Aliases ?? [], i.Price!.Value, i.ReferencePrice!.Value, i.Category!.Trim(), i.Stock, i.AllowUnsuitable)).ToList();
        return new ValidSchedule(name, cron!, input.Enabled ?? true, title, groups, closesAfter!.Value, pickupAfter!.Value, pickupPoint, items, warnings);
    }

    /// <summary>An offset from the run as .NET's constant TimeSpan format: <c>[d.]hh:mm[:ss]</c>, "1.02:00:00" for 26 hours.</summary>
    private static TimeSpan? ReadOffset(string field, string? text, TimeSpan max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "is required: a time span after the run, days.hours:minutes:seconds, such as \"1.02:00:00\" for 26 hours.");
            return null;
        }

        if (!TimeSpan.TryParseExact(text.Trim(), "c", CultureInfo.InvariantCulture, out var offset))
        {
            errors.Add(field, $"'{text}' is not a time span; use days.hours:minutes:seconds, such as \"1.02:00:00\" for 26 hours.");
            return null;
        }

        if (offset <= TimeSpan.Zero || offset > max)
        {
            errors.Add(field, $"must be more than 0 and at most {max.TotalDays:0} days after the run.");
            return null;
        }

        return offset;
    }

    private static void Fill(Schedule schedule, ValidSchedule valid)
    {
        schedule.ReplaceItems(valid.Items);
        schedule.TargetOnly([.. valid.Groups.Select(g => g.Id)]);
    }

    private static ScheduleResponse Present(Schedule schedule, IReadOnlyList<Group> groups, BusinessTimeZone zone, DateTimeOffset now, IReadOnlyList<string> warnings) => new(
        schedule.Id,
        schedule.Name,
        schedule.Cron,
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
