using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// Changing one item, for <c>PATCH /api/campaigns/{id}/items/{itemNo}</c> and the console's form:
/// stock until the campaign closes, the rest while it is a draft, the item as it would be checked
/// by the same rules (and with the same warnings) as a new one.
/// </summary>
internal static class CampaignItemEdits
{
    public static async Task<ItemEditResult> ApplyAsync(
        long id,
        int itemNo,
        ItemChanges changes,
        bool allowUnsuitable,
        GroupBuyDbContext db,
        CampaignItemEditor editor,
        FieldErrors errors,
        List<string> warnings,
        CancellationToken cancellationToken)
    {
        var campaign = await CampaignEndpoints.ReadAsync(db, id, cancellationToken);
        if (campaign is null)
        {
            return new ItemEditResult(ItemEditOutcome.NotFound, $"There is no campaign {id}.", null);
        }

        if (campaign.FindItem(itemNo) is not { } item)
        {
            return new ItemEditResult(ItemEditOutcome.NotFound, $"Campaign {id} has no item {itemNo}; its items are numbered 1 to {campaign.Items.Count}.", null);
        }

        if (campaign.RefusesItemChange(changes.OfferFields) is { } reason)
        {
            return new ItemEditResult(ItemEditOutcome.Refused, reason, null);
        }

        CampaignChecks.CheckItem(string.Empty, itemNo, Merge(item, changes, allowUnsuitable), errors, warnings);
        if (errors.Any)
        {
            return new ItemEditResult(ItemEditOutcome.Invalid, null, null);
        }

        if (!await editor.ApplyAsync(id, itemNo, changes, cancellationToken) || await CampaignEndpoints.ReadAsync(db, id, cancellationToken) is not { } changed)
        {
            return new ItemEditResult(ItemEditOutcome.ChangedMeanwhile, null, null);
        }

        return new ItemEditResult(ItemEditOutcome.Changed, null, changed);
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
}
