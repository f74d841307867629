using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Groups;

/// <summary>Ops register the group chats the bot serves: which channel, which community, which leader.</summary>
internal static class GroupEndpoints
{
    public static IEndpointRouteBuilder MapGroups(this IEndpointRouteBuilder endpoints)
    {
        var groups = endpoints.MapGroup("/api/groups").RequireAuthorization(AdminAuthentication.ApiPolicy);
        groups.MapPost("/", CreateAsync);
        groups.MapGet("/", ListAsync);
        groups.MapGet("/{id:long}", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<GroupRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var errors = new FieldErrors();
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
            return errors.ToProblem();
        }

        if (await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Channel == channel && g.ChatId == chatId, cancellationToken) is { } registered)
        {
            return Problems.Conflict($"The {channel} chat '{chatId}' is already registered as group {registered.Id}.");
        }

        var group = new Group(channel, chatId, name, community, leaderId, leaderName, clock.GetUtcNow());
        if (route is { } wecomRoute)
        {
            group.DeliverViaWeCom(wecomRoute, input.RobotKey);
        }

        db.Groups.Add(group);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            var existing = await db.Groups.AsNoTracking().FirstAsync(g => g.Channel == channel && g.ChatId == chatId, cancellationToken);
            return Problems.Conflict($"The {channel} chat '{chatId}' is already registered as group {existing.Id}.");
        }

        return Results.Created($"/api/groups/{group.Id}", Present(group, zone));
    }

    /// <summary>WeCom groups say how the bot posts into them; the robot route needs the robot's webhook key.</summary>
    private static WeComRoute? ReadWeComRoute(GroupRequest input, string channel, FieldErrors errors)
    {
        if (channel != ChannelNames.WeCom)
        {
            if (input.WeComRoute is not null || input.RobotKey is not null)
            {
                errors.Add(input.WeComRoute is not null ? "weComRoute" : "robotKey", "applies only to wecom groups.");
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(input.WeComRoute))
        {
            errors.Add("weComRoute", "is required for a wecom group: robot, appChat or customerGroup.");
            return null;
        }

        if (!Enum.TryParse<WeComRoute>(input.WeComRoute, ignoreCase: true, out var route) || !Enum.IsDefined(route) || int.TryParse(input.WeComRoute, out _))
        {
            errors.Add("weComRoute", "must be one of: robot, appChat, customerGroup.");
            return null;
        }

        if (route == WeComRoute.Robot && string.IsNullOrWhiteSpace(input.RobotKey))
        {
            errors.Add("robotKey", "is required for the robot route: the key from the group robot's webhook URL.");
        }
        else if (route != WeComRoute.Robot && input.RobotKey is not null)
        {
            errors.Add("robotKey", "applies only to the robot route.");
        }
        else if (input.RobotKey is { Length: > 100 })
        {
            errors.Add("robotKey", "must be at most 100 characters.");
        }

        return route;
    }

    private static async Task<IResult> ListAsync(GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        return Results.Ok(groups.Select(g => Present(g, zone)));
    }

    private static async Task<IResult> GetAsync(long id, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        return group is null ? Problems.NotFound($"There is no group {id}.") : Results.Ok(Present(group, zone));
    }

    private static GroupResponse Present(Group group, BusinessTimeZone zone) =>
        GroupResponse.From(group) with { CreatedAt = zone.ToLocal(group.CreatedAt) };
}
