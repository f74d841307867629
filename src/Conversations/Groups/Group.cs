using GroupBuy.Conversations.Chats;

namespace GroupBuy.Conversations.Groups;

/// <summary>A group chat the bot serves: which channel it is on, its community and its leader (团长).</summary>
public sealed class Group
{
    private Group()
    {
        Channel = ChatId = Name = Community = LeaderId = LeaderName = string.Empty;
    }

    public Group(string channel, string chatId, string name, string community, string leaderId, string leaderName, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(community);
        ArgumentException.ThrowIfNullOrWhiteSpace(leaderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(leaderName);
        Channel = ChannelNames.EnsureKnown(channel, nameof(channel));
        ChatId = chatId;
        Name = name;
        Community = community;
        LeaderId = leaderId;
        LeaderName = leaderName;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public string ChatId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The community (社区) whose residents are in this chat; pick lists group by it.</summary>
    public string Community { get; private set; }

    public string LeaderId { get; private set; }

    public string LeaderName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>For WeCom groups: how the bot posts into it. Null for other channels.</summary>
    public WeComRoute? WeComRoute { get; private set; }

    /// <summary>The group robot's webhook key (a secret: never shown or logged). Only for <see cref="Groups.WeComRoute.Robot"/>.</summary>
    public string? WeComRobotKey { get; private set; }

    /// <summary>When WeCom reported the group dismissed; nothing is posted into it after that.</summary>
    public DateTimeOffset? DismissedAt { get; private set; }

    public bool IsLedBy(string senderId) => string.Equals(LeaderId, senderId, StringComparison.Ordinal);

    public void HandOver(string leaderId, string leaderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(leaderName);
        LeaderId = leaderId;
        LeaderName = leaderName;
    }

    public void DeliverViaWeCom(WeComRoute route, string? robotKey)
    {
        if (Channel != ChannelNames.WeCom)
        {
            throw new InvalidOperationException("Only WeCom groups have a WeCom route.");
        }

        if ((route == Groups.WeComRoute.Robot) != !string.IsNullOrWhiteSpace(robotKey))
        {
            throw new ArgumentException("A robot key goes with the robot route, and only with it.", nameof(robotKey));
        }

        WeComRoute = route;
        WeComRobotKey = string.IsNullOrWhiteSpace(robotKey) ? null : robotKey.Trim();
    }

    public void Dismiss(DateTimeOffset at) => DismissedAt ??= at;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }
}
