using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Groups;

/// <summary>
/// Registering a group chat, for <c>POST /api/groups</c> and the console's form alike: the checks,
/// the refusal of a chat registered already, and the new group left in the unit of work for the
/// caller to save (<see cref="TrySaveAsync"/>), so the console can add its audit entry to it.
/// </summary>
internal static class GroupRegistration
{
    /// <summary>Checks the request; on success adds the new group to <paramref name="db"/> (not saved yet).</summary>
    public static async Task<GroupRegistrationResult> AddAsync(
        GroupRequest input, GroupBuyDbContext db, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var chatId = errors.RequiredText("chatId", input.ChatId, 128);
        var channel = errors.RequiredText("channel", input.Channel, 16).ToLowerInvariant();
        errors.OneOf("channel", channel, ChannelNames.All);
        var name = errors.RequiredText("name", input.Name, 128);
        var community = errors.RequiredText("community", input.Community, 128);
        var leaderId = errors.RequiredText("leaderId", input.LeaderId, 128);
        var leaderName = errors.RequiredText("leaderName", input.LeaderName, 64);
        var route = ReadWeComRoute(input, channel, errors);
        if (errors.Any)
        {
            return GroupRegistrationResult.Invalid;
        }

        if (await RegisteredIdAsync(db, channel, chatId, cancellationToken) is { } registered)
        {
            return new GroupRegistrationResult(null, registered);
        }

        var group = new Group(channel, chatId, name, community, leaderId, leaderName, now);
        if (route is { } wecomRoute)
        {
            group.DeliverViaWeCom(wecomRoute, input.RobotKey);
        }

        db.Groups.Add(group);
        return new GroupRegistrationResult(group, null);
    }

    /// <summary>
    /// Saves what the unit of work holds; false when the same chat was registered meanwhile (the
    /// unique index decides), the new group then taken out of the unit of work.
    /// </summary>
    public static async Task<bool> TrySaveAsync(GroupBuyDbContext db, Group group, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(group).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The id of the group already registered for this chat, if any.</summary>
    public static async Task<long?> RegisteredIdAsync(GroupBuyDbContext db, string channel, string chatId, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking().Where(g => g.Channel == channel && g.ChatId == chatId).Select(g => (long?)g.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>WeCom groups say how the bot posts into them; the robot route needs the robot's webhook key.</summary>
    private static WeComRoute? ReadWeComRoute(GroupRequest input, string channel, FieldErrors errors)
    {
        if (channel != ChannelNames.WeCom)
        {
            if (input.WeComRoute is not null || input.RobotKey is not null)
            {
                errors.Add(input.WeComRoute is not null ? "weComRoute" : "robotKey", "applies only to wecom groups.", "只有企业微信群才填这一项。");
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(input.WeComRoute))
        {
            errors.Add("weComRoute", "is required for a wecom group: robot, appChat or customerGroup.", "企业微信群必须选发消息方式：群机器人、应用群聊或客户群。");
            return null;
        }

        if (!Enum.TryParse<WeComRoute>(input.WeComRoute, ignoreCase: true, out var route) || !Enum.IsDefined(route) || int.TryParse(input.WeComRoute, out _))
        {
            errors.Add("weComRoute", "must be one of: robot, appChat, customerGroup.", "只能是群机器人、应用群聊或客户群。");
            return null;
        }

        if (route == WeComRoute.Robot && string.IsNullOrWhiteSpace(input.RobotKey))
        {
            errors.Add("robotKey", "is required for the robot route: the key from the group robot's webhook URL.", "群机器人方式必须填机器人的 key（群机器人 Webhook 地址里 key= 后面那一串）。");
        }
        else if (route != WeComRoute.Robot && input.RobotKey is not null)
        {
            errors.Add("robotKey", "applies only to the robot route.", "只有群机器人方式才填 key。");
        }
        else if (input.RobotKey is { Length: > 100 })
        {
            errors.Add("robotKey", "must be at most 100 characters.", "最多 100 个字符。");
        }

        return route;
    }
}
