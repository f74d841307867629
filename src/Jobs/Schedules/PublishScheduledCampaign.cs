using GroupBuy.Conversations.Schedules;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Jobs.Schedules;

/// <summary>
/// The recurring job of a schedule (<see cref="ScheduleJobs.JobId"/>): publishes the campaign of
/// the occurrence due now and schedules its cut-off. Safe to run twice and on two hosts at once:
/// <see cref="ScheduledPublishing"/> claims each occurrence once, in the database.
/// </summary>
public sealed class PublishScheduledCampaign(ScheduledPublishing publishing, ILogger<PublishScheduledCampaign> logger)
{
    public async Task RunAsync(long scheduleId, CancellationToken cancellationToken)
    {
        var result = await publishing.RunAsync(scheduleId, cancellationToken);
        switch (result.Outcome)
        {
            case ScheduledRunOutcome.Published:
                logger.LogInformation(
                    "Schedule {ScheduleId} published campaign {CampaignId} for its run at {RunAt}; {Previews} preview(s) queued",
                    scheduleId, result.CampaignId, result.RunAt, result.PreviewsQueued);
                break;
            case ScheduledRunOutcome.AlreadyPublished:
                logger.LogInformation("Schedule {ScheduleId}: {Reason}", scheduleId, result.Reason);
                break;
            default:
                // Not thrown: a retry would meet the same schedule and the same clock.
                logger.LogWarning("Schedule {ScheduleId} published nothing: {Reason}", scheduleId, result.Reason);
                break;
        }

        foreach (var warning in result.Warnings)
        {
            logger.LogWarning("Schedule {ScheduleId}: {Warning}", scheduleId, warning);
        }
    }
}
