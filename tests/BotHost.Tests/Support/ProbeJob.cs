using System.Collections.Concurrent;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>
/// A job that tells the test it ran, and on which storage: proves the host's Hangfire server picks
/// up work and builds jobs from that host's own services.
/// </summary>
public sealed class ProbeJob(StorageSettings storage)
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Runs = new();

    public static Task<string> RanAsync(string marker) => Runs.GetOrAdd(marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task RunAsync(string marker, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Runs.GetOrAdd(marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(storage.Describe());
        return Task.CompletedTask;
    }
}
