namespace GroupBuy.BotHost.Groups;

/// <summary>Body of <c>POST /api/groups</c>; every field is checked before anything is stored.</summary>
internal sealed record GroupRequest(
    string? ChatId,
    string? Channel,
    string? Name,
    string? Community,
    string? LeaderId,
    string? LeaderName,
    string? WeComRoute = null,
    string? RobotKey = null);
