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

    internal void MarkPreviewSent(DateTimeOffset at) => PreviewSentAt ??= at;
}
