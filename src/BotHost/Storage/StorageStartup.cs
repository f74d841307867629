using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Storage;

/// <summary>
/// Migrates before anything else starts (Hangfire's server, then Kestrel), so no job or webhook
/// ever meets an old schema, and a bad connection string stops the start right here.
/// </summary>
internal sealed class StorageStartup : IHostedLifecycleService
{
    private readonly IServiceScopeFactory scopes;

    public StorageStartup(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StorageMigrator>().MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
