using System.Globalization;
using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Time;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Jobs.Segments;

/// <summary>
/// The daily recurring job (<see cref="RecurringId"/>): computes today's segments (business day),
/// then queues the day's treatments as their own job, so a failure there is retried without
/// computing again. Safe to run twice: a day's segments are written once, and the treatments
/// job queues nothing twice.
/// </summary>
public sealed class ComputeSegmentsJob(Segmentation segmentation, IBackgroundJobClient jobs, BusinessTimeZone zone, TimeProvider clock, ILogger<ComputeSegmentsJob> logger)
{
    public const string RecurringId = "segments:daily";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var day = zone.DayOf(clock.GetUtcNow());
        var result = await segmentation.ComputeAsync(day, cancellationToken);
        logger.LogInformation("Segments for {Day}: {Written} written, {AlreadyThere} already there", day, result.Written, result.AlreadyThere);

        // The day travels as text: jobs take plain arguments, and a retry must treat the same day.
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        jobs.Enqueue<TreatSegmentsJob>(job => job.RunAsync(dayText, CancellationToken.None));
    }
}
