using GroupBuy.Conversations.Campaigns;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Jobs.Campaigns;

/// <summary>
/// The job at a campaign's <c>closesAt</c>: 截单 in every chat, by the same code as the leader's
/// command and ops' close. Safe to run twice: closing keeps the first time, codes are only given
/// to orders without one, and each chat's announcement has its own outbox key.
/// </summary>
public sealed class CutOffCampaign(CampaignCutOff cutOff, ILogger<CutOffCampaign> logger)
{
    public async Task RunAsync(long campaignId, CancellationToken cancellationToken)
    {
        var result = await cutOff.CloseAsync(campaignId, cancellationToken);
        if (result.Outcome != CutOffOutcome.Closed)
        {
            // Retrying would not change the answer: the campaign is gone or was never published.
            logger.LogWarning("Cut-off of campaign {CampaignId} did nothing: {Reason}", campaignId, result.Reason);
            return;
        }

        logger.LogInformation("Campaign {CampaignId} cut off; {Announcements} announcement(s) queued", campaignId, result.AnnouncementsQueued);
        foreach (var warning in result.Warnings)
        {
            logger.LogWarning("Cut-off of campaign {CampaignId}: {Warning}", campaignId, warning);
        }
    }
}
