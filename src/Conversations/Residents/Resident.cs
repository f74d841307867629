using GroupBuy.Conversations.Chats;

namespace GroupBuy.Conversations.Residents;

/// <summary>A person who orders by replying in a group chat, known by their user id on one channel.</summary>
public sealed class Resident
{
    private Resident()
    {
        Channel = UserId = DisplayName = string.Empty;
    }

    public Resident(string channel, string userId, string displayName, DateTimeOffset firstSeenAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Channel = ChannelNames.EnsureKnown(channel, nameof(channel));
        UserId = userId;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userId : displayName.Trim();
        FirstSeenAt = firstSeenAt;
        LastSeenAt = firstSeenAt;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The group nickname as last seen; people change it, so it is refreshed on every message.</summary>
    public string DisplayName { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public void Seen(string displayName, DateTimeOffset at)
    {
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            DisplayName = displayName.Trim();
        }

        if (at > LastSeenAt)
        {
            LastSeenAt = at;
        }
    }
}
