using GroupBuy.BotHost.Hosting;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Inbox;

/// <summary>Processes stored messages; woken at once by this host's webhooks, polling for the rest.</summary>
internal sealed class InboxWorker(InboxProcessor processor, InboxSignal signal, InboxSettings settings, StorageSettings storage, TimeProvider clock, ILogger<InboxWorker> logger)
    : QueueWorker(settings.Workers, settings.PollInterval, storage, clock, logger)
{
    protected override Task<bool> WorkOnceAsync(CancellationToken cancellationToken) => processor.ProcessNextAsync(cancellationToken);

    protected override Task IdleAsync(CancellationToken cancellationToken) => signal.WaitAsync(PollInterval, Clock, cancellationToken);
}
