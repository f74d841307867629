using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Ordering;

/// <summary>Collects changed orders into the chat's open acknowledgement (see <see cref="AckBatch"/>).</summary>
public sealed class OrderAcknowledgements(Storage.GroupBuyDbContext db, AckSettings settings)
{
    /// <summary>Notes a resident's changed order; saved with the order, in the caller's transaction.</summary>
    public async Task NoteAsync(long campaignId, long groupId, long residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = db.Set<AckBatch>().Local.FirstOrDefault(b => b.CampaignId == campaignId && b.GroupId == groupId && b.Status == AckBatchStatus.Open)
            ?? await db.Set<AckBatch>().FirstOrDefaultAsync(b => b.CampaignId == campaignId && b.GroupId == groupId && b.Status == AckBatchStatus.Open, cancellationToken);
        if (batch is null)
        {
            batch = new AckBatch(campaignId, groupId, now, settings.Delay);
            db.Add(batch);
        }

        batch.Note(residentId);
    }
}
