using System.Collections.Concurrent;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>A job that tells the test it ran: proves the host's Hangfire server picks up work.</summary>
public sealed class ProbeJob
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Runs = new();

    public static Task<string> RanAsync(string marker) => Runs.GetOrAdd(marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task RunAsync(string marker, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Runs.GetOrAdd(marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}
