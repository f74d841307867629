using GroupBuy.BotHost.Hosting;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Outbox;

/// <summary>Sends due outbox rows.</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSettings settings, StorageSettings storage, TimeProvider clock, ILogger<OutboxWorker> logger)
    : QueueWorker(settings.Workers, settings.PollInterval, storage, clock, logger)
{
    protected override Task<bool> WorkOnceAsync(CancellationToken cancellationToken) => dispatcher.DispatchNextAsync(cancellationToken);
}
