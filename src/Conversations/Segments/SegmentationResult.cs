namespace GroupBuy.Conversations.Segments;

/// <summary>What a segment computation wrote: rows added for the day, and residents that already had one.</summary>
public sealed record SegmentationResult(DateOnly Day, int Written, int AlreadyThere);
