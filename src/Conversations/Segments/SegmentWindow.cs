using GroupBuy.Conversations.Time;

namespace GroupBuy.Conversations.Segments;

/// <summary>
/// The 30 whole business days before <see cref="Day"/>: from midnight 30 days earlier up to (not
/// including) midnight starting <see cref="Day"/>, in the business time zone. Whole days, not
/// "the last 720 hours", so that a job retried later the same day sees exactly the same orders.
/// </summary>
public sealed record SegmentWindow(DateOnly Day, DateTimeOffset From, DateTimeOffset Until)
{
    public static SegmentWindow For(DateOnly day, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new SegmentWindow(day, zone.StartOf(day.AddDays(-SegmentRules.WindowDays)), zone.StartOf(day));
    }
}
