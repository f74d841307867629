namespace GroupBuy.Conversations.Segments;

/// <summary>
/// One day of a resident's segment history: the segment computed that business day and the
/// figures behind it. One row per resident per day (unique), so a computation run again that day
/// writes nothing new; the latest row is the resident's current segment.
/// </summary>
public sealed class ResidentSegment
{
    private ResidentSegment()
    {
    }

    public ResidentSegment(SegmentAssignment assignment, DateOnly day, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ResidentId = assignment.ResidentId;
        Day = day;
        Segment = assignment.Segment;
        Purchases = assignment.Purchases;
        Spend = assignment.Spend;
        ComputedAt = computedAt;
    }

    public long Id { get; private set; }

    public long ResidentId { get; private set; }

    /// <summary>The business day the segment holds for; its window is the 30 days before it.</summary>
    public DateOnly Day { get; private set; }

    public Segment Segment { get; private set; }

    public int Purchases { get; private set; }

    /// <summary>Goods total of the purchases in yuan, before coupons.</summary>
    public decimal Spend { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }
}
