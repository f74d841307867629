using GroupBuy.Conversations.Chats;

namespace GroupBuy.Conversations.Groups;

/// <summary>What ops are told when the bot posts into a group for everyone (a preview, a progress notice).</summary>
public static class GroupPosting
{
    /// <summary>Why nothing can be posted into the group now, or null when it can.</summary>
    public static string? Unreachable(Group group, ChannelDirectory channels)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(channels);
        if (group.DismissedAt is not null)
        {
            return $"Chat {group.ChatId} was dismissed; nothing was sent there.";
        }

        return channels.Find(group.Channel) is null ? $"Chat {group.ChatId} is on {group.Channel}, which this host cannot post to." : null;
    }

    /// <summary>A caution about posting there, or null: WeCom customer groups take one confirmed group message a day.</summary>
    public static string? Caution(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.WeComRoute == WeComRoute.CustomerGroup
            ? $"Chat {group.ChatId} is a WeCom customer group: {group.LeaderName} must confirm the message in WeCom, and it takes one group message a day."
            : null;
    }
}
