using System.Globalization;
using GroupBuy.Conversations.Marketing;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Jobs.Segments;

/// <summary>
/// Win-back, recommendations and core price for one day's segments (<see cref="SegmentTreatments"/>).
/// Writes outbox rows only; safe to run twice (one marketing message per resident per day).
/// </summary>
public sealed class TreatSegmentsJob(SegmentTreatments treatments, ILogger<TreatSegmentsJob> logger)
{
    public async Task RunAsync(string day, CancellationToken cancellationToken)
    {
        var result = await treatments.RunAsync(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
        logger.LogInformation(
            "Treatments for {Day}: {Queued} queued; passed over: {OptedOut} unsubscribed, {Capped} already messaged that day, {Recent} treated recently, {NotReachable} never bought or unreachable",
            result.Day, result.Queued, result.OptedOut, result.Capped, result.Recent, result.NotReachable);
    }
}
