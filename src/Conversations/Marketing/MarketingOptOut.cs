namespace GroupBuy.Conversations.Marketing;

/// <summary>A resident who replied 退订: no marketing messages until they reply 恢复订阅 (the row is then removed).</summary>
public sealed class MarketingOptOut
{
    private MarketingOptOut()
    {
    }

    public MarketingOptOut(long residentId, DateTimeOffset optedOutAt)
    {
        ResidentId = residentId;
        OptedOutAt = optedOutAt;
    }

    public long Id { get; private set; }

    public long ResidentId { get; private set; }

    public DateTimeOffset OptedOutAt { get; private set; }
}
