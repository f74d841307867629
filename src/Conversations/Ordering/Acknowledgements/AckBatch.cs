using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Ordering.Acknowledgements;

/// <summary>
/// Acknowledgements waiting to go out in one chat for one campaign. Orders made within a few
/// seconds of each other are confirmed in one message listing each resident's order as it then
/// stands, so a busy 接龙 does not flood the group with one answer per reply.
/// </summary>
public sealed class AckBatch : IVersioned
{
    private AckBatch()
    {
    }

    public AckBatch(long campaignId, long groupId, DateTimeOffset now, TimeSpan delay)
    {
        CampaignId = campaignId;
        GroupId = groupId;
        CreatedAt = now;
        DueAt = now + delay;
        Status = AckBatchStatus.Open;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public long GroupId { get; private set; }

    public AckBatchStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the acknowledgement goes out.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Residents whose orders changed, in the order they replied.</summary>
    public List<long> ResidentIds { get; private set; } = [];

    public int Version { get; set; }

    public void Note(long residentId)
    {
        if (Status != AckBatchStatus.Open)
        {
            throw new InvalidOperationException("A sent acknowledgement takes no more orders.");
        }

        if (!ResidentIds.Contains(residentId))
        {
            ResidentIds.Add(residentId);
        }
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = AckBatchStatus.Sent;
        SentAt = now;
    }
}
