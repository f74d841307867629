using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
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
        var registration = await GroupRegistration.AddAsync(input, db, clock.GetUtcNow(), errors, cancellationToken);
        if (registration.AlreadyRegisteredAs is { } registered)
        {
            return AlreadyRegistered(input, registered);
        }

        if (registration.Added is not { } group)
        {
            return errors.ToProblem();
        }

        if (!await GroupRegistration.TrySaveAsync(db, group, cancellationToken))
        {
            var existing = await GroupRegistration.RegisteredIdAsync(db, group.Channel, group.ChatId, cancellationToken);
            return AlreadyRegistered(input, existing ?? 0);
        }

        return Results.Created($"/api/groups/{group.Id}", Present(group, zone));
    }

    private static IResult AlreadyRegistered(GroupRequest input, long id) =>
        Problems.Conflict($"The {input.Channel!.Trim().ToLowerInvariant()} chat '{input.ChatId!.Trim()}' is already registered as group {id}.");

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
