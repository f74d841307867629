using GroupBuy.BotHost.Campaigns;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>
/// A campaign's form, by the admin API's rules: a draft is created or replaced whole (POST/PUT),
/// a published campaign takes only stock changes (PATCH of an item), a closed one nothing.
/// </summary>
public sealed class EditModel(GroupBuyDbContext db, Audit audit, CampaignItemEditor editor, TimeProvider clock, BusinessTimeZone zone) : PageModel
{
    private const int NewRows = 3;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? ClosesAt { get; set; }

    [BindProperty]
    public string? PickupAt { get; set; }

    [BindProperty]
    public string? PickupPoint { get; set; }

    [BindProperty]
    public List<string> ChatIds { get; set; } = [];

    [BindProperty]
    public List<CampaignFormRow> Items { get; set; } = [];

    /// <summary>"addrow" from the 再加一行 button: the form comes back with a spare row, nothing saved.</summary>
    [BindProperty]
    public string? Command { get; set; }

    /// <summary>The campaign being edited; null on the new-draft form.</summary>
    public Campaign? Campaign { get; private set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>What went wrong that is not about one field (the campaign changed meanwhile).</summary>
    public string? Problem { get; private set; }

    public bool IsNew => Campaign is null;

    /// <summary>Published: residents ordered at the listed names and prices, so only stock may change.</summary>
    public bool StockOnly => Campaign?.Status == CampaignStatus.Published;

    public bool IsClosed => Campaign?.Status == CampaignStatus.Closed;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Campaign is null)
        {
            Items = [.. Enumerable.Range(0, NewRows).Select(_ => new CampaignFormRow())];
            return Page();
        }

        var chats = Campaign.Chats.Select(c => c.GroupId).ToHashSet();
        Title = Campaign.Title;
        ClosesAt = zone.InputValue(Campaign.ClosesAt);
        PickupAt = zone.InputValue(Campaign.PickupAt);
        PickupPoint = Campaign.PickupPoint;
        ChatIds = [.. Groups.Where(g => chats.Contains(g.Id)).Select(g => g.ChatId)];
        Items = [.. Campaign.Items.OrderBy(i => i.ItemNo).Select(i => new CampaignFormRow
        {
            ItemNo = i.ItemNo,
            Name = i.Name,
            Aliases = string.Join("，", i.Aliases),
            Price = ChineseFormat.Money(i.Price),
            ReferencePrice = ChineseFormat.Money(i.ReferencePrice),
            Category = i.Category,
            Stock = StockText(i.Stock),
            StockWas = StockText(i.Stock),
            AllowUnsuitable = CategoryRules.Unsuitability(i.Category) is not null,
        })];
        if (Campaign.Status == CampaignStatus.Draft)
        {
            Items.Add(new CampaignFormRow());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Command == "addrow" && !StockOnly && !IsClosed)
        {
            Items.Add(new CampaignFormRow());
            return Page();
        }

        return Campaign?.Status switch
        {
            null => await CreateAsync(cancellationToken),
            CampaignStatus.Draft => await ReviseAsync(Campaign.Id, cancellationToken),
            CampaignStatus.Published => await ChangeStockAsync(Campaign, cancellationToken),
            _ => Refuse("这个活动已截单，不能再改。"),
        };
    }

    private async Task<IActionResult> CreateAsync(CancellationToken cancellationToken)
    {
        var form = Read();
        var errors = new FieldErrors();
        var added = await CampaignDrafts.AddAsync(form.Request, db, clock.GetUtcNow(), errors, cancellationToken);
        if (ShowProblems(form, errors) || added is not ({ } campaign, _))
        {
            return Page();
        }

        // The audit entry names the campaign, whose id the first save gives; one transaction keeps both or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(User, "campaign.create", $"campaign {campaign.Id}", campaign.Title);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Saved(campaign.Id, "活动已保存为草稿。");
    }

    private async Task<IActionResult> ReviseAsync(long id, CancellationToken cancellationToken)
    {
        var form = Read();
        var errors = new FieldErrors();
        var revision = await CampaignDrafts.ReviseAsync(id, form.Request, db, clock.GetUtcNow(), errors, cancellationToken);
        if (revision.Outcome == RevisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (revision.Outcome == RevisionOutcome.Refused)
        {
            return Refuse("这个活动刚刚被发布或截单了，草稿的改动没有保存。请重新打开再改。");
        }

        if (ShowProblems(form, errors))
        {
            return Page();
        }

        audit.Record(User, "campaign.update", $"campaign {id}", revision.Campaign!.Title);
        return await CampaignDrafts.TrySaveAsync(db, cancellationToken)
            ? Saved(id, "草稿已保存。")
            : Refuse("保存时这个活动被别人改了（可能刚发布），没有保存。请重新打开再改。");
    }

    /// <summary>Each stock ops changed, item by item, as PATCH does it: what is left to sell, from now.</summary>
    private async Task<IActionResult> ChangeStockAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = new List<string>();
        for (var row = 0; row < Items.Count; row++)
        {
            var input = Items[row];
            if (input.ItemNo is not { } itemNo || Same(input.Stock, input.StockWas))
            {
                continue;
            }

            var field = $"Items[{row}].Stock";
            var stock = CampaignFormReader.ReadStock(field, input.Stock, problems);
            if (problems.ContainsKey(field))
            {
                continue;
            }

            var errors = new FieldErrors();
            var result = await CampaignItemEdits.ApplyAsync(campaign.Id, itemNo, new ItemChanges(SetsStock: true, stock), allowUnsuitable: false, db, editor, errors, [], cancellationToken);
            switch (result.Outcome)
            {
                case ItemEditOutcome.Changed:
                    var detail = $"{itemNo}号 库存 {Shown(input.StockWas)} → {Shown(StockText(stock))}";
                    await audit.RecordAsync(User, "campaign.stock", $"campaign {campaign.Id}", detail, cancellationToken);
                    changed.Add(detail);

                    // Should the form come back for another row's sake, this row is not set a second time.
                    ModelState.Remove($"Items[{row}].StockWas");
                    input.StockWas = StockText(stock);
                    break;
                case ItemEditOutcome.Invalid:
                    problems[field] = string.Join(" ", errors.InChinese().Values.SelectMany(m => m));
                    break;
                default:
                    Problem = "这个活动刚刚截单或被改了，库存没有改完。请重新打开看看。";
                    break;
            }
        }

        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }

        if (problems.Count > 0 || Problem is not null)
        {
            // Stocks saved before the problem stay saved; the form shows what is stored now.
            await LoadAsync(campaign.Id, cancellationToken);
            return Page();
        }

        return Saved(campaign.Id, changed.Count == 0 ? "没有改动。" : "库存已更新：" + string.Join("；", changed) + "。");
    }

    /// <summary>Reads the campaign (when editing) and the registered groups; false when there is no such campaign.</summary>
    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).ThenBy(g => g.ChatId).ToListAsync(cancellationToken);
        if (id is not { } campaignId)
        {
            return true;
        }

        Campaign = await CampaignEndpoints.ReadAsync(db, campaignId, cancellationToken);
        return Campaign is not null;
    }

    private CampaignFormReading Read() =>
        CampaignFormReader.Read(Title, ClosesAt, PickupAt, PickupPoint, ChatIds, Items, zone);

    /// <summary>Puts what could not be read, and what the API's checks refused, beside their fields; true when there was any.</summary>
    private bool ShowProblems(CampaignFormReading form, FieldErrors errors)
    {
        foreach (var (field, message) in form.Problems)
        {
            ModelState.AddModelError(field, message);
        }

        foreach (var (apiField, messages) in errors.InChinese())
        {
            var field = CampaignFormReader.FieldOf(apiField, form.Rows);

            // A number that could not be read is said once, not again as "required".
            if (!form.Problems.ContainsKey(field))
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }

        return !ModelState.IsValid;
    }

    private RedirectResult Saved(long id, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/console/campaigns/{id}");
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        return Page();
    }

    private static string StockText(int? stock) => stock?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Shown(string? stock) => string.IsNullOrWhiteSpace(stock) ? "不限" : stock.Trim();

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim() ?? string.Empty, b?.Trim() ?? string.Empty, StringComparison.Ordinal);
}
