using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Hosting;

/// <summary>
/// Drains one of our queues (inbox, outbox) in loops: several on PostgreSQL, where rows are claimed
/// with SKIP LOCKED and hosts share the work; one on SQLite, which serves a single host. A failing
/// database is logged and retried; the loop never stops by itself.
/// </summary>
internal abstract class QueueWorker(int loops, TimeSpan pollInterval, StorageSettings storage, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected TimeSpan PollInterval => pollInterval;

    /// <summary>Takes one item; false when the queue has nothing due.</summary>
    protected abstract Task<bool> WorkOnceAsync(CancellationToken cancellationToken);

    /// <summary>Waits before looking again when the queue was empty.</summary>
    protected virtual Task IdleAsync(CancellationToken cancellationToken) => Task.Delay(pollInterval, clock, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = storage.Provider == StorageProvider.Postgres ? loops : Math.Min(1, loops);
        return Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await WorkOnceAsync(stoppingToken))
                {
                    await IdleAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Worker} could not read its queue; retrying", GetType().Name);
                try
                {
                    await Task.Delay(pollInterval * 5, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
