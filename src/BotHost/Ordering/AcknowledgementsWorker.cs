using GroupBuy.BotHost.Hosting;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Ordering;

/// <summary>Sends order acknowledgements when their few seconds of collecting are up.</summary>
internal sealed class AcknowledgementsWorker(OrderAcknowledgements acknowledgements, OutboxSettings settings, StorageSettings storage, TimeProvider clock, ILogger<AcknowledgementsWorker> logger)
    : QueueWorker(settings.Workers > 0 ? 1 : 0, TimeSpan.FromSeconds(1), storage, clock, logger)
{
    protected override Task<bool> WorkOnceAsync(CancellationToken cancellationToken) => acknowledgements.FlushNextAsync(cancellationToken);
}
