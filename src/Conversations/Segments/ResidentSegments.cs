using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Segments;

/// <summary>Reads residents' current segments (their latest history row), for ops and the daily treatments.</summary>
public sealed class ResidentSegments(GroupBuyDbContext db)
{
    /// <summary>Residents whose latest segment is <paramref name="segment"/> (all segmented residents when null), biggest spenders first.</summary>
    public async Task<IReadOnlyList<SegmentedResident>> CurrentAsync(Segment? segment, CancellationToken cancellationToken)
    {
        var history = db.Set<ResidentSegment>().AsNoTracking();
        var latest = history.Where(s => s.Day == history.Where(h => h.ResidentId == s.ResidentId).Max(h => h.Day));
        if (segment is { } wanted)
        {
            latest = latest.Where(s => s.Segment == wanted);
        }

        var rows = await (
            from s in latest
            join r in db.Residents.AsNoTracking() on s.ResidentId equals r.Id
            select new SegmentedResident(r.Id, r.Channel, r.UserId, r.DisplayName, s.Segment, s.Day, s.Purchases, s.Spend)).ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by a decimal column.
        return [.. rows.OrderByDescending(r => r.Spend).ThenBy(r => r.Id)];
    }

    /// <summary>The segments written for one business day, by resident.</summary>
    public async Task<IReadOnlyList<ResidentSegment>> OfDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        await db.Set<ResidentSegment>().AsNoTracking().Where(s => s.Day == day).OrderBy(s => s.ResidentId).ToListAsync(cancellationToken);
}
