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
    private const int MaxItems = 50;

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
        campaigns.MapPost("/{id:long}/parse", ParseAsync);
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

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (await CheckAsync(input, db, now, errors, cancellationToken) is not { } valid)
        {
            return errors.ToProblem();
        }

        var campaign = new Campaign(valid.Title, valid.ClosesAt, valid.PickupAt, valid.PickupPoint, now);
        Fill(campaign, valid);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/api/campaigns/{campaign.Id}", Present(campaign, valid.Groups, zone, valid.Warnings));
    }

    /// <summary>Checks a POST or PUT body field by field; null (and <paramref name="errors"/> filled) when anything is wrong.</summary>
    private static async Task<ValidCampaign?> CheckAsync(CampaignRequest input, GroupBuyDbContext db, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = errors.RequiredText("title", input.Title, 200);
        var pickupPoint = errors.RequiredText("pickupPoint", input.PickupPoint, 200);
        if (input.ClosesAt is not { } closesAt)
        {
            errors.Add("closesAt", "is required (ISO 8601 with offset).");
        }
        else if (closesAt <= now)
        {
            errors.Add("closesAt", "must be in the future.");
        }

        if (input.PickupAt is not { } pickupAt)
        {
            errors.Add("pickupAt", "is required (ISO 8601 with offset).");
        }
        else if (input.ClosesAt is { } cut && pickupAt < cut)
        {
            errors.Add("pickupAt", "must not be before closesAt.");
        }

        var groups = await ReadChatsAsync(db, input.ChatIds, errors, cancellationToken);
        var warnings = new List<string>();
        ReadItems(input.Items, errors, warnings);
        return errors.Any ? null : new ValidCampaign(title, input.ClosesAt!.Value, input.PickupAt!.Value, pickupPoint, groups, input.Items!, warnings);
    }

    /// <summary>Adds a checked body's items (numbered 1..n in the given order) and chats to a draft.</summary>
    private static void Fill(Campaign campaign, ValidCampaign valid)
    {
        foreach (var item in valid.Items)
        {
            campaign.AddItem(item.Name!.Trim(), item.Aliases ?? [], item.Price!.Value, item.ReferencePrice!.Value, item.Category!.Trim(), item.Stock);
        }

        campaign.OfferOnlyIn([.. valid.Groups.Select(g => g.Id)]);
    }

    /// <summary>The registered groups of <paramref name="chatIds"/>; each unknown or ambiguous one is an error on <c>chatIds[i]</c>. Schedules check theirs with it too.</summary>
    internal static async Task<List<Group>> ReadChatsAsync(GroupBuyDbContext db, IReadOnlyList<string>? chatIds, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (chatIds is null || chatIds.Count == 0)
        {
            errors.Add("chatIds", "must list at least one registered chat.");
            return [];
        }

        var wanted = chatIds.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var groups = await db.Groups.Where(g => wanted.Contains(g.ChatId)).ToListAsync(cancellationToken);
        for (var i = 0; i < chatIds.Count; i++)
        {
            var chatId = chatIds[i]?.Trim();
            var matches = groups.Count(g => g.ChatId == chatId);
            if (string.IsNullOrEmpty(chatId) || matches == 0)
            {
                errors.Add($"chatIds[{i}]", $"'{chatId}' is not a registered chat; register it with POST /api/groups first.");
            }
            else if (matches > 1)
            {
                errors.Add($"chatIds[{i}]", $"'{chatId}' is registered on more than one channel.");
            }
        }

        return groups;
    }

    /// <summary>The item rules of POST /api/campaigns, errors on <c>items[i].field</c>; schedules list their items by the same rules.</summary>
    internal static void ReadItems(IReadOnlyList<CampaignItemRequest>? items, FieldErrors errors, List<string> warnings)
    {
        if (items is null || items.Count == 0)
        {
            errors.Add("items", "must list at least one item.");
            return;
        }

        if (items.Count > MaxItems)
        {
            errors.Add("items", $"may list at most {MaxItems} items.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add($"items[{i}]", "must be an object.");
                continue;
            }

            CheckItem($"items[{i}].", i + 1, items[i], errors, warnings);
        }
    }

    /// <summary>The rules for one item, for POST and PUT (<paramref name="prefix"/> "items[0].") and for PATCH of an item (prefix "").</summary>
    private static void CheckItem(string prefix, int itemNo, CampaignItemRequest item, FieldErrors errors, List<string> warnings)
    {
        var name = errors.RequiredText($"{prefix}name", item.Name, 100);
        if (item.Price is not > 0)
        {
            errors.Add($"{prefix}price", "is required and must be more than 0 (yuan).");
        }

        if (item.ReferencePrice is not > 0)
        {
            errors.Add($"{prefix}referencePrice", "is required and must be more than 0 (the supermarket or online price, in yuan).");
        }

        if (item.Stock is < 0)
        {
            errors.Add($"{prefix}stock", "must be 0 or more, or null for unlimited.");
        }

        if (item.Aliases?.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 50) == true)
        {
            errors.Add($"{prefix}aliases", "must hold short names, not empty strings.");
        }

        var category = errors.RequiredText($"{prefix}category", item.Category, 32);
        if (category.Length > 0 && !CategoryRules.IsKnown(category))
        {
            errors.Add($"{prefix}category", $"must be one of: {string.Join(", ", CategoryRules.Known)}.");
        }
        else if (category.Length > 0 && CategoryRules.Unsuitability(category) is { } why)
        {
            if (item.AllowUnsuitable)
            {
                warnings.Add($"Item {itemNo} ({name}) is in {category}, which does not suit group buying ({why}); published on ops' override.");
            }
            else
            {
                errors.Add($"{prefix}category", $"{category} does not suit group buying ({why}); set allowUnsuitable to true to publish it anyway.");
            }
        }

        if (item.Price is > 0 && item.ReferencePrice is > 0)
        {
            warnings.AddRange(CategoryRules.PriceWarnings(itemNo, name, item.Price.Value, item.ReferencePrice.Value));
        }
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
    private static Task<Campaign?> ReadAsync(GroupBuyDbContext db, long id, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Include(c => c.Items).Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private static Task<List<Group>> GroupsOfAsync(GroupBuyDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
        return db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync(cancellationToken);
    }

    private static async Task<IResult> PublishAsync(long id, CampaignPublishing publishing, ICutOffScheduler cutOffs, GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        var result = await publishing.PublishAsync(id, cancellationToken);
        if (result.Outcome == PublishOutcome.Published)
        {
            // closesAt really closes it: codes and the announcement come from the job then, as from a leader's 截单.
            var closesAt = await db.Campaigns.Where(c => c.Id == id).Select(c => c.ClosesAt).SingleAsync(cancellationToken);
            cutOffs.ScheduleCutOff(id, closesAt);
        }

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
        var text = errors.RequiredText("text", input.Text, 8000);
        if (input.SenderName is { Length: > 64 })
        {
            errors.Add("senderName", "must be at most 64 characters.");
        }

        if (input.QuotedText is { Length: > 8000 })
        {
            errors.Add("quotedText", "must be at most 8000 characters.");
        }

        var surroundings = new ReplySurroundings(QuotedText: input.QuotedText);
        if (!string.IsNullOrWhiteSpace(input.ChatId))
        {
            var chatId = input.ChatId.Trim();
            var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
            var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.ChatId == chatId && groupIds.Contains(g.Id), cancellationToken);
            if (group is null)
            {
                errors.Add("chatId", $"'{chatId}' is not a chat of campaign {id}.");
            }
            else
            {
                surroundings = await ReplySurroundings.InChatAsync(db, campaign.Id, group.Id, input.QuotedText, cancellationToken);
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var reading = await reader.ReadAsync(ChatText.From(text, bot.Name).Text, campaign, surroundings, cancellationToken);
        return Results.Ok(new ParseResponse(
            reading.Kind.ToString().ToLowerInvariant(),
            [.. reading.Lines.Select(l => new ParsedLineResponse(l.ItemNo, l.Quantity, campaign.FindItem(l.ItemNo)?.Name ?? string.Empty))],
            reading.ReadByModel ? "model" : "parser",
            reading.Reason,
            campaign.IsTakingOrders(clock.GetUtcNow())));
    }

    private static async Task<IResult> OrdersAsync(long id, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Problems.NotFound($"There is no campaign {id}.");
        }

        var rows = await (
            from order in db.Orders.AsNoTracking().Include(o => o.Lines)
            join grp in db.Groups on order.GroupId equals grp.Id
            join resident in db.Residents on order.ResidentId equals resident.Id
            where order.CampaignId == id
            orderby order.Id
            select new { order, grp.ChatId, resident.UserId, resident.DisplayName }).ToListAsync(cancellationToken);
        return Results.Ok(rows.Select(r => new OrderResponse(
            r.ChatId,
            r.UserId,
            r.DisplayName,
            r.order.Status == OrderStatus.PickedUp ? "picked_up" : r.order.Status.ToString().ToLowerInvariant(),
            [.. r.order.Lines.OrderBy(l => l.ItemNo).Select(l => new OrderLineResponse(l.ItemNo, l.Quantity))],
            r.order.Total,
            r.order.PickupCode,
            r.order.PickedUpAt is { } at ? zone.ToLocal(at) : null,
            r.order.Discount,
            r.order.Payable)));
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
