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

        var errors = new FieldErrors();
        var revision = await CampaignDrafts.ReviseAsync(id, input, db, clock.GetUtcNow(), errors, cancellationToken);
        switch (revision.Outcome)
        {
            case RevisionOutcome.NotFound:
                return Problems.NotFound(revision.Reason!);
            case RevisionOutcome.Refused:
                return Refused("Cannot replace", revision.Reason!);
            case RevisionOutcome.Invalid:
                return errors.ToProblem();
        }

        if (!await CampaignDrafts.TrySaveAsync(db, cancellationToken))
        {
            return ChangedMeanwhile(id);
        }

        return Results.Ok(Present(revision.Campaign!, revision.Valid!.Groups, zone, revision.Valid.Warnings));
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
        return await CampaignDrafts.TrySaveAsync(db, cancellationToken) ? Results.NoContent() : ChangedMeanwhile(id);
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

        var warnings = new List<string>();
        var result = await CampaignItemEdits.ApplyAsync(id, itemNo, changes, patch.AllowUnsuitable, db, editor, errors, warnings, cancellationToken);
        return result.Outcome switch
        {
            ItemEditOutcome.NotFound => Problems.NotFound(result.Reason!),
            ItemEditOutcome.Refused => Refused("Cannot change the item", result.Reason!),
            ItemEditOutcome.Invalid => errors.ToProblem(),
            ItemEditOutcome.ChangedMeanwhile => ChangedMeanwhile(id),
            _ => Results.Ok(Present(result.Campaign!, await GroupsOfAsync(db, result.Campaign!, cancellationToken), zone, warnings)),
        };
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

    private static IResult ChangedMeanwhile(long id) => Problems.ChangedMeanwhile($"Campaign {id}", "changed (published, closed or deleted, perhaps)");

    private static IResult Refused(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
