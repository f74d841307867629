using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Changes one item of a campaign in place, in SQL, so that it is safe against orders taken at
/// the same moment. The caller has already checked the change against <see cref="Campaign.RefusesItemChange"/>;
/// the statements here check the campaign's state again, because it may change in between.
/// </summary>
public sealed class CampaignItemEditor(GroupBuyDbContext db)
{
    /// <summary>False when nothing was changed: the item is gone or the campaign's state no longer allows it.</summary>
    public async Task<bool> ApplyAsync(long campaignId, int itemNo, ItemChanges changes, CancellationToken cancellationToken)
    {
        if (changes.OfferFields.Count == 0)
        {
            // Orders take stock with one conditional UPDATE ("stock = stock - n WHERE stock >= n",
            // OrderBook.TakeAsync). Loading the item and saving it back would lose units taken in
            // between (or, with the version token, refuse ops' edit whenever residents are ordering);
            // one UPDATE takes the row lock instead, so every take sees either the old stock or the
            // new one and nothing is sold beyond what ops set. Stock is what is left to sell, so a
            // set value counts from now. A published campaign stays open to this until it is closed.
            return await Item(campaignId, itemNo)
                .Where(i => db.Campaigns.Any(c => c.Id == campaignId && c.Status != CampaignStatus.Closed))
                .ExecuteUpdateAsync(s => Set(s, changes), cancellationToken) == 1;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Bumping the campaign's version (and locking its row) while it is still a draft makes a
        // publish that already read the old items fail its version check instead of posting a
        // preview with the old names and prices; a publish that got there first leaves no draft here.
        var draft = await db.Campaigns
            .Where(c => c.Id == campaignId && c.Status == CampaignStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (draft == 0 || await Item(campaignId, itemNo).ExecuteUpdateAsync(s => Set(s, changes), cancellationToken) == 0)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private IQueryable<CampaignItem> Item(long campaignId, int itemNo) =>
        db.CampaignItems.Where(i => i.CampaignId == campaignId && i.ItemNo == itemNo);

    private static void Set(UpdateSettersBuilder<CampaignItem> setters, ItemChanges changes)
    {
        if (changes.SetsStock)
        {
            setters.SetProperty(i => i.Stock, changes.Stock);
        }

        if (changes.Name is { } name)
        {
            setters.SetProperty(i => i.Name, name);
        }

        if (changes.Aliases is { } aliases)
        {
            setters.SetProperty(i => i.Aliases, CampaignItem.CleanAliases(aliases));
        }

        if (changes.Price is { } price)
        {
            setters.SetProperty(i => i.Price, price);
        }

        if (changes.ReferencePrice is { } referencePrice)
        {
            setters.SetProperty(i => i.ReferencePrice, referencePrice);
        }

        if (changes.Category is { } category)
        {
            setters.SetProperty(i => i.Category, category);
        }

        setters.SetProperty(i => i.Version, i => i.Version + 1);
    }
}
