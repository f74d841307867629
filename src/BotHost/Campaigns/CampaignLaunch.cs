using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>Ops' 发布: the same for <c>POST /api/campaigns/{id}/publish</c> and the console's button.</summary>
internal static class CampaignLaunch
{
    /// <summary>Publishes (previews into every chat, saved by <see cref="CampaignPublishing"/>) and schedules the cut-off at <c>closesAt</c>.</summary>
    public static async Task<PublishResult> PublishAsync(
        long id, CampaignPublishing publishing, ICutOffScheduler cutOffs, GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        var result = await publishing.PublishAsync(id, cancellationToken);
        if (result.Outcome == PublishOutcome.Published)
        {
            // closesAt really closes it: codes and the announcement come from the job then, as from a leader's 截单.
            var closesAt = await db.Campaigns.Where(c => c.Id == id).Select(c => c.ClosesAt).SingleAsync(cancellationToken);
            cutOffs.ScheduleCutOff(id, closesAt);
        }

        return result;
    }
}
