using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// Creating and replacing a draft, for <c>POST</c>/<c>PUT /api/campaigns</c> and the console's
/// form alike. The change is left in the unit of work for the caller to save, so the console can
/// add its audit entry to the same save.
/// </summary>
internal static class CampaignDrafts
{
    /// <summary>A new draft from a body that passed <see cref="CampaignChecks"/>, added to <paramref name="db"/>; null when it did not.</summary>
    public static async Task<(Campaign Campaign, ValidCampaign Valid)?> AddAsync(
        CampaignRequest input, GroupBuyDbContext db, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (await CampaignChecks.CheckAsync(input, db, now, errors, cancellationToken) is not { } valid)
        {
            return null;
        }

        var campaign = new Campaign(valid.Title, valid.ClosesAt, valid.PickupAt, valid.PickupPoint, now);
        Fill(campaign, valid);
        db.Campaigns.Add(campaign);
        return (campaign, valid);
    }

    /// <summary>Replaces a draft's details, chats and items (numbered 1..n again) with a checked body; the caller saves with <see cref="TrySaveAsync"/>.</summary>
    public static async Task<DraftRevision> ReviseAsync(
        long id, CampaignRequest input, GroupBuyDbContext db, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Items).Include(c => c.Chats).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return new DraftRevision(RevisionOutcome.NotFound, $"There is no campaign {id}.", null, null);
        }

        if (campaign.Status != CampaignStatus.Draft)
        {
            return new DraftRevision(RevisionOutcome.Refused, campaign.Status == CampaignStatus.Published
                ? $"Campaign {id} is published: residents have seen it and may have ordered, so only a draft can be replaced. An item's stock can still change with PATCH /api/campaigns/{id}/items/{{itemNo}}."
                : $"Campaign {id} is closed; it can no longer change.", campaign, null);
        }

        if (await CampaignChecks.CheckAsync(input, db, now, errors, cancellationToken) is not { } valid)
        {
            return new DraftRevision(RevisionOutcome.Invalid, null, campaign, null);
        }

        campaign.ReviseDetails(valid.Title, valid.ClosesAt, valid.PickupAt, valid.PickupPoint);
        campaign.ClearItems();
        Fill(campaign, valid);

        // Items and chats are rows of their own, so a change to them alone would not touch the
        // campaign row. Saving its version too makes a publish that got in after this read refuse
        // this save, rather than have the items swapped under the preview it posted.
        db.Entry(campaign).Property(c => c.Version).IsModified = true;
        return new DraftRevision(RevisionOutcome.Revised, null, campaign, valid);
    }

    /// <summary>False when the version check found the campaign changed by someone else since it was read.</summary>
    public static async Task<bool> TrySaveAsync(GroupBuyDbContext db, CancellationToken cancellationToken)
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

    /// <summary>Adds a checked body's items (numbered 1..n in the given order) and chats to a draft.</summary>
    private static void Fill(Campaign campaign, ValidCampaign valid)
    {
        foreach (var item in valid.Items)
        {
            campaign.AddItem(item.Name!.Trim(), item.Aliases ?? [], item.Price!.Value, item.ReferencePrice!.Value, item.Category!.Trim(), item.Stock);
        }

        campaign.OfferOnlyIn([.. valid.Groups.Select(g => g.Id)]);
    }
}
