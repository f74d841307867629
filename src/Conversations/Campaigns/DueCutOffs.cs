using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Cuts off every published campaign whose <c>closesAt</c> has passed. The job scheduled at
/// publication does this on time; this sweep catches one whose job was never handed to Hangfire
/// (the host stopped in between), so every campaign is closed and announced in the end.
/// </summary>
public sealed class DueCutOffs(GroupBuyDbContext db, CampaignCutOff cutOff, TimeProvider clock)
{
    /// <summary>Closes what is due; returns how many campaigns it closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Published && c.ClosesAt <= now)
            .OrderBy(c => c.ClosesAt)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var id in due)
        {
            if ((await cutOff.CloseAsync(id, cancellationToken)).Outcome == CutOffOutcome.Closed)
            {
                closed++;
            }

            db.ChangeTracker.Clear();
        }

        return closed;
    }
}
