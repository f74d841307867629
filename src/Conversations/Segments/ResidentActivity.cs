namespace GroupBuy.Conversations.Segments;

/// <summary>What one resident bought in a segment window: purchases (orders) and spend (goods total, yuan).</summary>
public sealed record ResidentActivity(long ResidentId, int Purchases, decimal Spend);
