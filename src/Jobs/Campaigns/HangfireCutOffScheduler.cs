using GroupBuy.Conversations.Campaigns;
using Hangfire;

namespace GroupBuy.Jobs.Campaigns;

/// <summary>Schedules <see cref="CutOffCampaign"/> at the campaign's cut-off, in the shared job store.</summary>
internal sealed class HangfireCutOffScheduler(IBackgroundJobClient jobs) : ICutOffScheduler
{
    public void ScheduleCutOff(long campaignId, DateTimeOffset closesAt) =>
        jobs.Schedule<CutOffCampaign>(job => job.RunAsync(campaignId, CancellationToken.None), closesAt);
}
