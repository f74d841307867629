namespace GroupBuy.Conversations.Segments;

/// <summary>核心/活跃/沉睡用户: how much a resident bought in the last 30 days (see <see cref="SegmentRules"/>).</summary>
public enum Segment
{
    Dormant = 0,
    Active = 1,
    Core = 2,
}
