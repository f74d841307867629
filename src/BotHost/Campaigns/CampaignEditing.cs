using System.Text.Json;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// Ops' edits: a draft may be replaced or deleted as a whole and its items changed one by one;
/// once published, only an item's stock may change, until the campaign is closed.
/// </summary>
internal static partial class CampaignEndpoints
{
    /// <summary>Replaces a draft with the same body and checks as POST; its items are numbered 1..n again.</summary>
    private static async Task<IResult> ReplaceAsync(long id, HttpRequest request, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CampaignRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var campaign = await db.Campaigns.Include(c => c.Items).Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Problems.NotFound($"There is no campaign {id}.");
        }

        if (campaign.Status != CampaignStatus.Draft)
        {
            return Refused("Cannot replace", campaign.Status == CampaignStatus.Published
                ? $"Campaign {id} is published: residents have seen it and may have ordered, so only a draft can be replaced. An item's stock can still change with PATCH /api/campaigns/{id}/items/{{itemNo}}."
                : $"Campaign {id} is closed; it can no longer change.");
        }

        var errors = new FieldErrors();
        if (await CheckAsync(input, db, clock.GetUtcNow(), errors, cancellationToken) is not { } valid)
        {
            return errors.ToProblem();
        }

        campaign.ReviseDetails(valid.Title, valid.ClosesAt, valid.PickupAt, valid.PickupPoint);
        campaign.ClearItems();
        Fill(campaign, valid);

        // Items and chats are rows of their own, so a change to them alone would not touch the
        // campaign row. Saving its version too makes a publish that got in after this read refuse
        // this save, rather than have the items swapped under the preview it posted.
        db.Entry(campaign).Property(c => c.Version).IsModified = true;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return ChangedMeanwhile(id);
        }

        return Results.Ok(Present(campaign, valid.Groups, zone, valid.Warnings));
    }

    private static async Task<IResult> DeleteAsync(long id, GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Problems.NotFound($"There is no campaign {id}.");
        }

        try
        {
            campaign.EnsureDeletable();
        }
        catch (InvalidOperationException ex)
        {
            return Refused("Cannot delete", ex.Message);
        }

        // Items and chats go with it (cascade); the version check refuses a campaign published meanwhile.
        db.Campaigns.Remove(campaign);
        return await TrySaveAsync(db, cancellationToken) ? Results.NoContent() : ChangedMeanwhile(id);
    }

    /// <summary>Changes the fields sent of one item: stock until the campaign closes, the rest while it is a draft.</summary>
    private static async Task<IResult> EditItemAsync(
        long id, int itemNo, HttpRequest request, GroupBuyDbContext db, CampaignItemEditor editor, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CampaignItemPatch>(request, cancellationToken);
        if (body.Value is not { } patch)
        {
            return body.Problem!;
        }

        var errors = new FieldErrors();
        var changes = ReadChanges(patch, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var campaign = await ReadAsync(db, id, cancellationToken);
        if (campaign is null)
        {
            return Problems.NotFound($"There is no campaign {id}.");
        }

        if (campaign.FindItem(itemNo) is not { } item)
        {
            return Problems.NotFound($"Campaign {id} has no item {itemNo}; its items are numbered 1 to {campaign.Items.Count}.");
        }

        if (campaign.RefusesItemChange(changes.OfferFields) is { } reason)
        {
            return Refused("Cannot change the item", reason);
        }

        // The item as it would be, checked by the same rules (and with the same warnings) as POST.
        var warnings = new List<string>();
        CheckItem(string.Empty, itemNo, Merge(item, changes, patch.AllowUnsuitable), errors, warnings);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await editor.ApplyAsync(id, itemNo, changes, cancellationToken) || await ReadAsync(db, id, cancellationToken) is not { } changed)
        {
            return ChangedMeanwhile(id);
        }

        return Results.Ok(Present(changed, await GroupsOfAsync(db, changed, cancellationToken), zone, warnings));
    }

    private static ItemChanges ReadChanges(CampaignItemPatch patch, FieldErrors errors)
    {
        var setsStock = patch.Stock.ValueKind != JsonValueKind.Undefined;
        int? stock = null;
        if (patch.Stock.ValueKind == JsonValueKind.Number && patch.Stock.TryGetInt32(out var units))
        {
            stock = units;
        }
        else if (setsStock && patch.Stock.ValueKind != JsonValueKind.Null)
        {
            errors.Add("stock", "must be a whole number, 0 or more, or null for unlimited.");
        }

        var changes = new ItemChanges(setsStock, stock, patch.Name?.Trim(), patch.Aliases, patch.Price, patch.ReferencePrice, patch.Category?.Trim());
        if (!setsStock && changes.OfferFields.Count == 0)
        {
            errors.Add("body", "must change at least one of: stock, name, aliases, price, referencePrice, category.");
        }

        return changes;
    }

    private static CampaignItemRequest Merge(CampaignItem item, ItemChanges changes, bool allowUnsuitable) => new(
        changes.Name ?? item.Name,
        changes.Aliases ?? item.Aliases,
        changes.Price ?? item.Price,
        changes.ReferencePrice ?? item.ReferencePrice,
        changes.Category ?? item.Category,
        changes.SetsStock ? changes.Stock : item.Stock,
        // The override ops gave when the item was listed holds as long as its category stays.
        allowUnsuitable || (changes.Category ?? item.Category) == item.Category);

    /// <summary>False when the version check found the campaign changed by someone else since it was read.</summary>
    private static async Task<bool> TrySaveAsync(GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static IResult ChangedMeanwhile(long id) => Problems.ChangedMeanwhile($"Campaign {id}", "changed (published, closed or deleted, perhaps)");

    private static IResult Refused(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
