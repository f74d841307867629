using GroupBuy.Conversations.Groups;

namespace GroupBuy.BotHost.Groups;

internal sealed record GroupResponse(
    long Id,
    string ChatId,
    string Channel,
    string Name,
    string Community,
    string LeaderId,
    string LeaderName,
    DateTimeOffset CreatedAt,
    WeComRoute? WeComRoute,
    bool HasRobotKey)
{
    public static GroupResponse From(Group group) =>
        new(group.Id, group.ChatId, group.Channel, group.Name, group.Community, group.LeaderId, group.LeaderName, group.CreatedAt, group.WeComRoute, group.WeComRobotKey is not null);
}
