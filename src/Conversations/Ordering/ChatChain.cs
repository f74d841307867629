using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// The latest order chain (接龙) seen in a chat for a campaign. The next copy of the chain is read
/// against it, so only the lines the sender added become orders.
/// </summary>
public sealed class ChatChain : IVersioned
{
    private ChatChain()
    {
        Text = string.Empty;
    }

    public ChatChain(long campaignId, long groupId, string text, DateTimeOffset at)
    {
        CampaignId = campaignId;
        GroupId = groupId;
        Text = text;
        UpdatedAt = at;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public long GroupId { get; private set; }

    /// <summary>The chain as posted; read again with the chain reader when the next copy arrives.</summary>
    public string Text { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public void Replace(string text, DateTimeOffset at)
    {
        Text = text;
        UpdatedAt = at;
    }
}
