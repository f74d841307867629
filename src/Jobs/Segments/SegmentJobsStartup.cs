using GroupBuy.Conversations.Time;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace GroupBuy.Jobs.Segments;

/// <summary>
/// Registers the daily segment job when the host starts, with its time read in the business time
/// zone (Hangfire's default would be UTC). Every host does it; Hangfire keeps one job by its id.
/// </summary>
internal sealed class SegmentJobsStartup(IRecurringJobManager recurringJobs, SegmentJobSettings settings, BusinessTimeZone zone) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ComputeSegmentsJob>(
            ComputeSegmentsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            settings.Cron,
            new RecurringJobOptions { TimeZone = zone.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
