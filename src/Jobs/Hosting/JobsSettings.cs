using GroupBuy.Conversations;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Jobs.Hosting;

/// <summary>How the in-host Hangfire server runs: <c>Jobs:WorkerCount</c>, <c>Jobs:PollInterval</c>.</summary>
public sealed record JobsSettings(int WorkerCount, TimeSpan PollInterval)
{
    public const string WorkerCountKey = "Jobs:WorkerCount";
    public const string PollIntervalKey = "Jobs:PollInterval";

    public static JobsSettings FromConfiguration(IConfiguration configuration)
    {
        // Jobs here mostly wait on the database and chat APIs; a few workers per core keep up without starving webhooks.
        var workers = Math.Max(2, Environment.ProcessorCount * 2);
        var workerText = configuration[WorkerCountKey];
        if (!string.IsNullOrWhiteSpace(workerText) && (!int.TryParse(workerText, out workers) || workers is < 1 or > 100))
        {
            throw new InvalidSettingException($"{WorkerCountKey} is '{workerText}'; use a whole number from 1 to 100.");
        }

        var poll = TimeSpan.FromSeconds(5);
        var pollText = configuration[PollIntervalKey];
        if (!string.IsNullOrWhiteSpace(pollText) && (!TimeSpan.TryParse(pollText, System.Globalization.CultureInfo.InvariantCulture, out poll) || poll <= TimeSpan.Zero))
        {
            throw new InvalidSettingException($"{PollIntervalKey} is '{pollText}'; use a positive time span such as 00:00:05.");
        }

        return new JobsSettings(workers, poll);
    }
}
