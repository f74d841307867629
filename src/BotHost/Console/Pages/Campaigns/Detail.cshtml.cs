using GroupBuy.BotHost.Campaigns;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.PickLists;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>
/// A campaign: its offer and warnings, the buttons ops press (发布, 截单, progress notices, each the
/// admin API's use case), its order book with a search, and its pick list as a table and as CSV.
/// </summary>
public sealed class DetailModel(
    GroupBuyDbContext db,
    Audit audit,
    CampaignPublishing publishing,
    ICutOffScheduler cutOffs,
    CampaignCutOff cutOff,
    ProgressNotices progress,
    PickListBuilder pickLists,
    TimeProvider clock) : PageModel
{
    public Campaign? Campaign { get; private set; }

    public CampaignStage Stage { get; private set; }

    /// <summary>The campaign's chats, in the order ops registered them.</summary>
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>What ops should know about the items (the price advantage, an override), as the API warned when they were saved.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The search box: a resident's name, a pickup code or an item's name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];

    /// <summary>Orders of the campaign before the search narrowed them.</summary>
    public int OrderCount { get; private set; }

    /// <summary>Null for a draft, which has nothing to pick.</summary>
    public PickList? PickList { get; private set; }

    /// <summary>From the action just done (publish, close, progress): what went wrong, and what the use case warned of.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<string> ActionWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Problem = TempData["Problem"] as string;
        ActionWarnings = TempData["Warnings"] as string[] ?? [];

        // The pick list first: reading it gives codes to chats whose ordering is over, as the API's does, and the order list shows them.
        var pickList = await pickLists.BuildAsync(id, cancellationToken);
        if (pickList.Outcome == PickListOutcome.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PickList = pickList.List;
        var items = Campaign!.Items.ToDictionary(i => i.ItemNo);
        var orders = (await CampaignOrders.ListAsync(db, id, cancellationToken)).Select(o => new OrderRow(
                o.Group.Name,
                o.Group.Channel,
                o.Resident.DisplayName,
                [.. o.Order.Lines.OrderBy(l => l.ItemNo).Select(l => new ItemQuantity(l.ItemNo, items.GetValueOrDefault(l.ItemNo)?.Name ?? string.Empty, l.Quantity))],
                o.Order.Total,
                o.Order.Payable,
                o.Order.Status,
                o.Order.PickupCode))
            .ToList();
        OrderCount = orders.Count;
        Orders = string.IsNullOrWhiteSpace(Query) ? orders : [.. orders.Where(o => Matches(o, Query.Trim(), items))];
        return Page();
    }

    /// <summary>发布到群: the preview into every chat and the cut-off job at closesAt, as <c>POST /api/campaigns/{id}/publish</c>.</summary>
    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        var result = await CampaignLaunch.PublishAsync(id, publishing, cutOffs, db, cancellationToken);
        switch (result.Outcome)
        {
            case PublishOutcome.NotFound:
                return NotFound();
            case PublishOutcome.Refused:
                return Back(id, problem: $"没有发布：{result.Reason}");
        }

        await audit.RecordAsync(User, "campaign.publish", $"campaign {id}", $"previews queued: {result.PreviewsQueued}", cancellationToken);
        return Back(id, notice: $"已发布，开团预告正在发往 {result.PreviewsQueued} 个群；到截单时间会自动截单。", warnings: result.Warnings);
    }

    /// <summary>截单 now in every chat, as <c>POST /api/campaigns/{id}/close</c>: pickup codes, and the announcement once per chat.</summary>
    public async Task<IActionResult> OnPostCloseAsync(long id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            return Back(id, problem: "截单前请先勾选确认。");
        }

        var result = await cutOff.CloseAsync(id, cancellationToken);
        switch (result.Outcome)
        {
            case CutOffOutcome.NotFound:
                return NotFound();
            case CutOffOutcome.Refused:
                return Back(id, problem: $"不能截单：{result.Reason}");
        }

        await audit.RecordAsync(User, "campaign.close", $"campaign {id}", $"announcements queued: {result.AnnouncementsQueued}", cancellationToken);
        return Back(id, notice: $"已截单，{result.AnnouncementsQueued} 个群会收到截单通知，订单已生成取件码。", warnings: result.Warnings);
    }

    /// <summary>A supply-progress notice into every chat, once per chat and stage, as <c>POST /api/campaigns/{id}/progress</c>.</summary>
    public async Task<IActionResult> OnPostProgressAsync(long id, string? stage, CancellationToken cancellationToken)
    {
        if (!SupplyStages.TryParse(stage, out var supplyStage))
        {
            return Back(id, problem: "不知道要发哪种进度通知。");
        }

        var result = await progress.SendAsync(id, supplyStage, cancellationToken);
        switch (result.Outcome)
        {
            case ProgressOutcome.NotFound:
                return NotFound();
            case ProgressOutcome.Refused:
                return Back(id, problem: $"不能发进度通知：{result.Reason}");
        }

        if (result.Queued > 0)
        {
            await audit.RecordAsync(User, "campaign.progress", $"campaign {id}", $"{SupplyStages.NameOf(supplyStage)}: {result.Queued} queued", cancellationToken);
        }

        var notice = result.Queued > 0
            ? $"进度通知正在发往 {result.Queued} 个群。"
            : "没有新发送：这些群之前都已收到过这条进度通知。";
        if (result.Queued > 0 && result.AlreadyQueued > 0)
        {
            notice += $"另有 {result.AlreadyQueued} 个群之前已收到过。";
        }

        return Back(id, notice: notice, warnings: result.Warnings);
    }

    /// <summary>下载 CSV: the same file as <c>GET /api/campaigns/{id}/picklist?format=csv</c>.</summary>
    public async Task<IActionResult> OnGetCsvAsync(long id, CancellationToken cancellationToken)
    {
        var result = await pickLists.BuildAsync(id, cancellationToken);
        if (result.List is not { } list)
        {
            return result.Outcome == PickListOutcome.NotFound ? NotFound() : Back(id, problem: "草稿还没有分拣单：发布后才有订单。");
        }

        using var csv = new MemoryStream();
        await PickListCsv.WriteAsync(list, csv, cancellationToken);
        return File(csv.ToArray(), PickListCsv.ContentType, PickListCsv.FileName(list));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Campaign = await CampaignEndpoints.ReadAsync(db, id, cancellationToken);
        if (Campaign is null)
        {
            return false;
        }

        Stage = CampaignStages.Of(Campaign, clock.GetUtcNow());
        var groupIds = Campaign.Chats.Select(c => c.GroupId).ToList();
        Groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        Warnings = [.. Campaign.Items.OrderBy(i => i.ItemNo)
            .SelectMany(i => CategoryRules.Warnings(i.ItemNo, i.Name, i.Category, i.Price, i.ReferencePrice))
            .Select(w => w.InChinese)];
        return true;
    }

    private static bool Matches(OrderRow order, string query, IReadOnlyDictionary<int, CampaignItem> items) =>
        order.ResidentName.Contains(query, StringComparison.OrdinalIgnoreCase)
        || (order.PickupCode?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false)
        || order.Lines.Any(l => l.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
            || (items.GetValueOrDefault(l.ItemNo)?.Aliases.Any(a => a.Contains(query, StringComparison.OrdinalIgnoreCase)) ?? false));

    private RedirectResult Back(long id, string? notice = null, string? problem = null, IReadOnlyList<string>? warnings = null) =>
        this.RedirectWith($"/console/campaigns/{id}", notice, problem, warnings);
}
