using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>Ops prepare campaigns (numbered items, cut-off, pickup), publish them into chats, and read the order book.</summary>
internal static partial class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapGroup("/api/campaigns").RequireAuthorization(AdminAuthentication.ApiPolicy);
        campaigns.MapPost("/", CreateAsync);
        campaigns.MapGet("/", ListAsync);
        campaigns.MapGet("/{id:long}", GetAsync);
        campaigns.MapPut("/{id:long}", ReplaceAsync);
        campaigns.MapDelete("/{id:long}", DeleteAsync);
        campaigns.MapPatch("/{id:long}/items/{itemNo:int}", EditItemAsync);
        campaigns.MapPost("/{id:long}/publish", PublishAsync);
        campaigns.MapPost("/{id:long}/close", CloseAsync);
        campaigns.MapPost("/{id:long}/parse", ParseAsync).WithMetadata(NoApiAuditEntry.StoresNothing);
        campaigns.MapGet("/{id:long}/orders", OrdersAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CampaignRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var errors = new FieldErrors();
        if (await CampaignDrafts.AddAsync(input, db, clock.GetUtcNow(), errors, cancellationToken) is not ({ } campaign, { } valid))
        {
            return errors.ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/api/campaigns/{campaign.Id}", Present(campaign, valid.Groups, zone, valid.Warnings));
    }

    /// <summary>Newest first, at most 200; <c>?status=draft|published|closed</c> narrows the list.</summary>
    private static async Task<IResult> ListAsync(string? status, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var query = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            // Not Enum.TryParse: it would also take "1" or "draft,closed".
            var names = Enum.GetNames<CampaignStatus>();
            if (names.FirstOrDefault(n => n.Equals(status.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } name)
            {
                var errors = new FieldErrors();
                errors.Add("status", $"must be one of: {string.Join(", ", names.Select(n => n.ToLowerInvariant()))}.");
                return errors.ToProblem();
            }

            var wanted = Enum.Parse<CampaignStatus>(name);
            query = query.Where(c => c.Status == wanted);
        }

        var campaigns = await query.Include(c => c.Items).Include(c => c.Chats).OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var groupIds = campaigns.SelectMany(c => c.Chats.Select(ch => ch.GroupId)).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync(cancellationToken);
        return Results.Ok(campaigns.Select(c => Present(c, groups, zone, [])));
    }

    private static async Task<IResult> GetAsync(long id, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var campaign = await ReadAsync(db, id, cancellationToken);
        return campaign is null
            ? Problems.NotFound($"There is no campaign {id}.")
            : Results.Ok(Present(campaign, await GroupsOfAsync(db, campaign, cancellationToken), zone, []));
    }

    /// <summary>A campaign with its items and chats, as stored now (untracked), or null.</summary>
    internal static Task<Campaign?> ReadAsync(GroupBuyDbContext db, long id, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Include(c => c.Items).Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private static Task<List<Group>> GroupsOfAsync(GroupBuyDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
        return db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync(cancellationToken);
    }

    private static async Task<IResult> PublishAsync(long id, CampaignPublishing publishing, ICutOffScheduler cutOffs, GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        var result = await CampaignLaunch.PublishAsync(id, publishing, cutOffs, db, cancellationToken);
        return result.Outcome switch
        {
            PublishOutcome.NotFound => Problems.NotFound(result.Reason!),
            PublishOutcome.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot publish", detail: result.Reason),
            _ => Results.Accepted($"/api/campaigns/{id}", new { id, status = "published", previewsQueued = result.PreviewsQueued, warnings = result.Warnings }),
        };
    }

    /// <summary>
    /// Cuts off ordering now (截单 by ops) in every chat, as the leader's 截单 does in one: pickup
    /// codes, and the cut-off announcement once per chat. Closing again is harmless.
    /// </summary>
    private static async Task<IResult> CloseAsync(long id, CampaignCutOff cutOff, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var result = await cutOff.CloseAsync(id, cancellationToken);
        return result.Outcome switch
        {
            CutOffOutcome.NotFound => Problems.NotFound(result.Reason!),
            CutOffOutcome.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot close", detail: result.Reason),
            _ => Results.Ok(new { id, status = "closed", closedAt = zone.ToLocal(result.ClosedAt!.Value), announcementsQueued = result.AnnouncementsQueued, warnings = result.Warnings }),
        };
    }

    /// <summary>A dry run of <see cref="ReplyReader"/>: nothing is stored, though a configured model is asked, as the bot would.</summary>
    private static async Task<IResult> ParseAsync(
        long id, HttpRequest request, GroupBuyDbContext db, ReplyReader reader, BotIdentity bot, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ParseRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var campaign = await ReadAsync(db, id, cancellationToken);
        if (campaign is null)
        {
            return Problems.NotFound($"There is no campaign {id}.");
        }

        var errors = new FieldErrors();
        var reading = await ReplyDryRun.ReadAsync(campaign, input, db, reader, bot, clock, errors, cancellationToken);
        return reading is null ? errors.ToProblem() : Results.Ok(reading);
    }

    private static async Task<IResult> OrdersAsync(long id, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Problems.NotFound($"There is no campaign {id}.");
        }

        var orders = await CampaignOrders.ListAsync(db, id, cancellationToken);
        return Results.Ok(orders.Select(r => new OrderResponse(
            r.Group.ChatId,
            r.Resident.UserId,
            r.Resident.DisplayName,
            CampaignOrders.StatusCode(r.Order.Status),
            [.. r.Order.Lines.OrderBy(l => l.ItemNo).Select(l => new OrderLineResponse(l.ItemNo, l.Quantity))],
            r.Order.Total,
            r.Order.PickupCode,
            r.Order.PickedUpAt is { } at ? zone.ToLocal(at) : null,
            r.Order.Discount,
            r.Order.Payable)));
    }

    private static CampaignResponse Present(Campaign campaign, IReadOnlyList<Group> groups, BusinessTimeZone zone, IReadOnlyList<string> warnings) => new(
        campaign.Id,
        campaign.Title,
        campaign.Status,
        [.. campaign.Chats.Select(c => groups.FirstOrDefault(g => g.Id == c.GroupId)?.ChatId ?? string.Empty)],
        zone.ToLocal(campaign.ClosesAt),
        zone.ToLocal(campaign.PickupAt),
        campaign.PickupPoint,
        [.. campaign.Items.OrderBy(i => i.ItemNo).Select(i => new CampaignItemResponse(i.ItemNo, i.Name, i.Aliases, i.Price, i.ReferencePrice, i.Category, i.Stock))],
        warnings);
}
