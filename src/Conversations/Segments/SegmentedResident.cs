namespace GroupBuy.Conversations.Segments;

/// <summary>A resident with their current segment: the latest day of their segment history.</summary>
public sealed record SegmentedResident(long Id, string Channel, string UserId, string Name, Segment Segment, DateOnly Day, int Purchases, decimal Spend);
