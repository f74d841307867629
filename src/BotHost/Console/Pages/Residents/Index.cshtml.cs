using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Residents;

/// <summary>
/// Residents by their current segment, read as <c>GET /api/residents?segment=</c> reads them
/// (<see cref="ResidentSegments"/>), biggest spenders first, with their order history and a
/// search by name. Read-only: segments are computed by the daily job, not by ops.
/// </summary>
public sealed class IndexModel(ResidentSegments segments, GroupBuyDbContext db) : PageModel
{
    public const int MaxListed = 500;

    /// <summary><c>?segment=core|active|dormant</c>; anything else lists every segmented resident.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Segment { get; set; }

    /// <summary>The search box: part of a resident's name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public Segment? Only { get; private set; }

    public IReadOnlyDictionary<Segment, int> Counts { get; private set; } = new Dictionary<Segment, int>();

    public int SegmentedCount { get; private set; }

    /// <summary>Residents first seen after the latest computation: they get a segment the next day.</summary>
    public int NotYetSegmented { get; private set; }

    /// <summary>The latest business day segments were computed for; null before the first run.</summary>
    public DateOnly? LatestDay { get; private set; }

    public IReadOnlyList<ResidentRow> Residents { get; private set; } = [];

    /// <summary>How many matched before the list was cut at <see cref="MaxListed"/>.</summary>
    public int Matched { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await segments.CurrentAsync(null, cancellationToken);
        SegmentedCount = current.Count;
        Counts = SegmentNames.All.ToDictionary(s => s, s => current.Count(r => r.Segment == s));
        LatestDay = current.Count == 0 ? null : current.Max(r => r.Day);
        NotYetSegmented = await db.Residents.AsNoTracking().CountAsync(cancellationToken) - SegmentedCount;

        IEnumerable<SegmentedResident> wanted = current;
        if (SegmentNames.TryParse(Segment, out var segment))
        {
            Only = segment;
            wanted = wanted.Where(r => r.Segment == segment);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var query = Query.Trim();
            wanted = wanted.Where(r => r.Name.Contains(query, StringComparison.OrdinalIgnoreCase));
        }

        var matched = wanted.ToList();
        Matched = matched.Count;
        var listed = matched.Take(MaxListed).ToList();
        var ids = listed.Select(r => r.Id).ToList();
        var history = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.ResidentId) && o.Status != OrderStatus.Cancelled)
            .GroupBy(o => o.ResidentId)
            .Select(g => new { ResidentId = g.Key, Last = g.Max(o => o.CreatedAt), Count = g.Count() })
            .ToDictionaryAsync(g => g.ResidentId, cancellationToken);
        Residents = [.. listed.Select(r => history.TryGetValue(r.Id, out var h) ? new ResidentRow(r, h.Last, h.Count) : new ResidentRow(r, null, 0))];
    }
}
