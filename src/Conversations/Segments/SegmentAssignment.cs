namespace GroupBuy.Conversations.Segments;

/// <summary>A resident's segment for one business day, with the figures it was decided on.</summary>
public sealed record SegmentAssignment(long ResidentId, Segment Segment, int Purchases, decimal Spend);
