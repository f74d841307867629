namespace GroupBuy.Conversations.Campaigns;

/// <summary>A group chat a campaign is offered in.</summary>
public sealed class CampaignChat
{
    private CampaignChat()
    {
    }

    internal CampaignChat(long groupId)
    {
        GroupId = groupId;
    }

    public long CampaignId { get; private set; }

    public long GroupId { get; private set; }

    /// <summary>When the preview was posted into this chat; null until then.</summary>
    public DateTimeOffset? PreviewSentAt { get; private set; }

    /// <summary>When the leader cut off ordering in this chat (截单); the campaign's own cut-off applies too.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the goods reached this chat's pickup point (到货).</summary>
    public DateTimeOffset? ArrivedAt { get; private set; }

    internal void MarkPreviewSent(DateTimeOffset at) => PreviewSentAt ??= at;

    internal void Close(DateTimeOffset at) => ClosedAt ??= at;

    internal void MarkArrived(DateTimeOffset at)
    {
        ClosedAt ??= at;
        ArrivedAt ??= at;
    }
}
