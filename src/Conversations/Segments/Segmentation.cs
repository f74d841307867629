using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Segments;

/// <summary>
/// Computes every resident's segment for a business day from their purchases in the 30 days
/// before it and adds the day to the segment history.
/// </summary>
/// <remarks>
/// A purchase is an order (one resident, one campaign, one chat) with goods that is not cancelled
/// — open or picked up — placed (<see cref="Order.CreatedAt"/>) inside the window. An open order
/// counts before its cut-off too: it is what the resident has committed to, and should it be
/// cancelled later, the next day's computation no longer sees it. Spend is the goods total of
/// those orders (price × quantity of their lines as they stand), before any coupon, so a discount
/// never moves a resident out of a segment. Residents who have not bought are Dormant.
/// </remarks>
public sealed class Segmentation(GroupBuyDbContext db, BusinessTimeZone zone, TimeProvider clock)
{
    /// <summary>Writes the day's rows for residents that have none yet; a second run that day writes nothing.</summary>
    public async Task<SegmentationResult> ComputeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var window = SegmentWindow.For(day, zone);
        var residents = await db.Residents.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        var lines = await (
            from order in db.Orders.AsNoTracking()
            where order.Status != OrderStatus.Cancelled && order.CreatedAt >= window.From && order.CreatedAt < window.Until
            from line in order.Lines
            select new { order.ResidentId, OrderId = order.Id, line.UnitPrice, line.Quantity }).ToListAsync(cancellationToken);
        var bought = lines.GroupBy(l => l.ResidentId).ToDictionary(
            g => g.Key,
            g => new ResidentActivity(g.Key, g.Select(l => l.OrderId).Distinct().Count(), g.Sum(l => l.UnitPrice * l.Quantity)));
        var activities = residents.Select(r => bought.GetValueOrDefault(r) ?? new ResidentActivity(r, 0, 0m)).ToList();

        var done = (await db.Set<ResidentSegment>().Where(s => s.Day == day).Select(s => s.ResidentId).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var rows = SegmentRules.Classify(activities).Where(a => !done.Contains(a.ResidentId)).Select(a => new ResidentSegment(a, day, now)).ToList();
        db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another host computed the same day at the same moment; its rows stand.
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            return new SegmentationResult(day, 0, residents.Count);
        }

        return new SegmentationResult(day, rows.Count, done.Count);
    }
}
