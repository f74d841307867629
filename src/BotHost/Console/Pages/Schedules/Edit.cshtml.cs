using GroupBuy.BotHost.Console.Pages.Campaigns;
using GroupBuy.BotHost.Http;
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
/// A schedule's form, by the admin API's rules (<see cref="ScheduleChecks"/>, <see cref="ScheduleEditing"/>):
/// created as <c>POST /api/schedules</c> does, replaced whole as <c>PUT</c> does, the recurring job
/// following either. The offsets are asked as 运行后 N 天 N 小时 N 分钟 and the cron is read out in words.
/// </summary>
public sealed class EditModel(GroupBuyDbContext db, Audit audit, ScheduleJobs jobs, TimeProvider clock, BusinessTimeZone zone) : PageModel
{
    private const int NewRows = 3;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Cron { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? PickupPoint { get; set; }

    [BindProperty]
    public OffsetInput ClosesAfter { get; set; } = new();

    [BindProperty]
    public OffsetInput PickupAfter { get; set; } = new();

    /// <summary>On the new-schedule form only; an existing one is switched with 启用 / 暂停 on its page.</summary>
    [BindProperty]
    public bool Enabled { get; set; } = true;

    [BindProperty]
    public List<string> ChatIds { get; set; } = [];

    [BindProperty]
    public List<CampaignFormRow> Items { get; set; } = [];

    /// <summary>"addrow" (再加一行商品) or "cron" (看看意思): the form comes back, nothing saved.</summary>
    [BindProperty]
    public string? Command { get; set; }

    /// <summary>The schedule being edited; null on the new-schedule form.</summary>
    public Schedule? Schedule { get; private set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>What went wrong that is not about one field (the schedule changed meanwhile).</summary>
    public string? Problem { get; private set; }

    public bool IsNew => Schedule is null;

    /// <summary>The typed cron in words with its next runs; null while the box is empty.</summary>
    public CronPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Schedule is not { } schedule)
        {
            Items = [.. Enumerable.Range(0, NewRows).Select(_ => new CampaignFormRow())];
            return Page();
        }

        var targets = schedule.Targets.Select(t => t.GroupId).ToHashSet();
        Name = schedule.Name;
        Cron = schedule.Cron;
        Title = schedule.Title;
        PickupPoint = schedule.PickupPoint;
        ClosesAfter = OffsetInput.From(schedule.ClosesAfter);
        PickupAfter = OffsetInput.From(schedule.PickupAfter);
        Enabled = schedule.Enabled;
        ChatIds = [.. Groups.Where(g => targets.Contains(g.Id)).Select(g => g.ChatId)];
        Items = [.. schedule.Items.OrderBy(i => i.ItemNo).Select(i => new CampaignFormRow
        {
            ItemNo = i.ItemNo,
            Name = i.Name,
            Aliases = string.Join("，", i.Aliases),
            Price = ChineseFormat.Money(i.Price),
            ReferencePrice = ChineseFormat.Money(i.ReferencePrice),
            Category = i.Category,
            Stock = i.Stock?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            AllowUnsuitable = i.AllowUnsuitable,
        })];
        Items.Add(new CampaignFormRow());
        Preview = ReadPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Preview = ReadPreview();
        if (Command == "addrow")
        {
            Items.Add(new CampaignFormRow());
            return Page();
        }

        if (Command == "cron")
        {
            return Page();
        }

        // What only a form can get wrong (a price or a day that is not a number) is said here; the rest is the API's checks'.
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var closesAfter = ClosesAfter.ToApi(nameof(ClosesAfter), problems);
        var pickupAfter = PickupAfter.ToApi(nameof(PickupAfter), problems);
        var form = CampaignFormReader.Read(Title, null, null, PickupPoint, ChatIds, Items, zone);
        foreach (var (field, message) in form.Problems)
        {
            problems[field] = message;
        }

        var request = new ScheduleRequest(Name, Cron, Schedule?.Enabled ?? Enabled, Title, ChatIds, closesAfter, pickupAfter, PickupPoint, form.Request.Items);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        return Schedule is { } schedule
            ? await ReviseAsync(schedule, request, problems, form.Rows, now, errors, cancellationToken)
            : await CreateAsync(request, problems, form.Rows, now, errors, cancellationToken);
    }

    private async Task<IActionResult> CreateAsync(
        ScheduleRequest request, Dictionary<string, string> problems, IReadOnlyList<int> rows, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var added = await ScheduleEditing.AddAsync(request, db, now, zone, errors, cancellationToken);
        if (ShowProblems(problems, rows, errors) || added is not ({ } schedule, _))
        {
            return Page();
        }

        // The audit entry names the schedule, whose id the first save gives; one transaction keeps
        // both or neither, and the recurring job follows once they are committed.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(User, "schedule.create", ScheduleRuns.Subject(schedule.Id), schedule.Name);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        jobs.Apply(schedule);
        return Saved(schedule, "排期已保存");
    }

    private async Task<IActionResult> ReviseAsync(
        Schedule schedule, ScheduleRequest request, Dictionary<string, string> problems, IReadOnlyList<int> rows, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var valid = await ScheduleEditing.ReviseAsync(schedule, request, db, now, zone, errors, cancellationToken);
        if (ShowProblems(problems, rows, errors) || valid is null)
        {
            return Page();
        }

        audit.Record(User, "schedule.update", ScheduleRuns.Subject(schedule.Id), schedule.Name);
        if (!await ScheduleEditing.SaveAsync(schedule, db, jobs, cancellationToken))
        {
            Problem = "保存时这个排期被别人改了或删除了，你的改动没有保存。请重新打开再改。";
            return Page();
        }

        return Saved(schedule, "排期已保存");
    }

    /// <summary>Reads the registered groups and, when editing, the schedule (tracked, for a change); false when there is no such schedule.</summary>
    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).ThenBy(g => g.ChatId).ToListAsync(cancellationToken);
        if (id is not { } scheduleId)
        {
            return true;
        }

        Schedule = await ScheduleEditing.FindAsync(scheduleId, db, cancellationToken);
        return Schedule is not null;
    }

    /// <summary>The cron in words by the same reading the checks use; why not, in their words, when it is not one.</summary>
    private CronPreview? ReadPreview()
    {
        if (string.IsNullOrWhiteSpace(Cron))
        {
            return null;
        }

        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        return ScheduleChecks.ReadCron(Cron, now, zone, errors) is { } cron
            ? new CronPreview(cron.InChinese, cron.Next(now, zone.Zone, IndexModel.NextRunCount), null)
            : new CronPreview(null, [], string.Join(" ", errors.InChinese().Values.SelectMany(m => m)));
    }

    /// <summary>Puts what could not be read, and what the API's checks refused, beside their fields; true when there was any.</summary>
    private bool ShowProblems(Dictionary<string, string> problems, IReadOnlyList<int> rows, FieldErrors errors)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }

        foreach (var (apiField, messages) in errors.InChinese())
        {
            var field = CampaignFormReader.FieldOf(apiField, rows);

            // A number that could not be read is said once, not again as "required".
            if (!problems.ContainsKey(field))
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }

        return !ModelState.IsValid;
    }

    private RedirectResult Saved(Schedule schedule, string saved)
    {
        var next = schedule.Enabled ? ScheduleCron.Parse(schedule.Cron).Next(clock.GetUtcNow(), zone.Zone, 1) : [];
        TempData["Notice"] = schedule.Enabled
            ? next.Count > 0 ? $"{saved}：{CronInChinese.Describe(schedule.Cron)}，下一次在 {zone.Time(next[0])} 自动发布。" : $"{saved}。"
            : $"{saved}，现在是暂停的：启用后才会自动发布。";
        return Redirect($"/console/schedules/{schedule.Id}");
    }
}
