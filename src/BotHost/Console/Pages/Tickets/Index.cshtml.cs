using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.PickLists;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// 售后工单: the queue by status, the most urgent first (the earliest next deadline, overdue ones
/// at the top), each with its countdown at the host's time; a ticket number opens its page.
/// </summary>
public sealed class IndexModel(GroupBuyDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The newest this many of a tab are listed; older ones are reached by their number.</summary>
    public const int MaxRows = 300;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Tab { get; set; }

    /// <summary>A ticket number to open ("T1024").</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public TicketQueue Queue { get; private set; } = TicketQueue.UnderWay;

    public IReadOnlyDictionary<TicketStatus, int> Counts { get; private set; } = new Dictionary<TicketStatus, int>();

    public IReadOnlyList<TicketQueueRow> Rows { get; private set; } = [];

    /// <summary>More tickets are in the tab than are listed.</summary>
    public bool Truncated { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The host's time the page was made at: every countdown and age counts from it.</summary>
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            if (TicketNumber.TryParse(Query, out var wanted) && await db.Tickets.AnyAsync(t => t.Id == wanted, cancellationToken))
            {
                return Redirect($"/console/tickets/{wanted}");
            }

            Problem = TicketNumber.TryParse(Query, out _) ? $"没有工单 {Query.Trim().ToUpperInvariant()}。" : "请输入工单号，例如 T1024。";
        }

        Queue = TicketQueue.Of(Tab);
        var now = Now = clock.GetUtcNow();
        Counts = await db.Tickets.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var statuses = Queue.Statuses.ToList();
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Lines)
            .Where(t => statuses.Contains(t.Status))
            .OrderByDescending(t => t.Id)
            .Take(MaxRows + 1)
            .ToListAsync(cancellationToken);
        Truncated = tickets.Count > MaxRows;
        tickets = [.. tickets.Take(MaxRows)];

        var groupIds = tickets.Select(t => t.GroupId).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var campaignIds = tickets.Select(t => t.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);

        // The deadline that comes first is the most urgent, and one already past came first of all;
        // tickets with none running (carried out, closed) follow, newest first.
        Rows = [.. tickets
            .Select(t => new TicketQueueRow(
                t.Id,
                t.Number,
                t.Status,
                ShownName.Of(t.ResidentName),
                groups.GetValueOrDefault(t.GroupId) ?? string.Empty,
                t.CampaignId,
                campaigns.GetValueOrDefault(t.CampaignId) ?? string.Empty,
                [.. t.Lines.OrderBy(l => l.ItemNo).Select(l => new ItemQuantity(l.ItemNo, l.Name, l.Quantity))],
                t.Type,
                t.CreatedAt,
                TicketDeadline.Of(t, now)))
            .OrderBy(r => r.Deadline is null)
            .ThenBy(r => r.Deadline?.Countdown.DueAt)
            .ThenByDescending(r => r.Id)];
        return Page();
    }

    public int CountOf(TicketQueue queue) => queue.Statuses.Sum(s => Counts.GetValueOrDefault(s));
}
