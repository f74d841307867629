using GroupBuy.BotHost.Startup;
using GroupBuy.Conversations;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>
/// A test database that starts with the current schema (ours and Hangfire's) and no data: a copy
/// of one template migrated once per run. Migrating a fresh database took about half a second of
/// every host start; a copy takes a tenth of that. Tests of the first start itself use an empty
/// <see cref="PostgresDatabase"/>.
/// </summary>
public static class MigratedDatabase
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static string? templateName;

    public static PostgresDatabase Create() => PostgresDatabase.CopyOf(TemplateAsync);

    private static async Task<string> TemplateAsync(PostgresCluster cluster)
    {
        await Lock.WaitAsync();
        try
        {
            return templateName ??= await MigrateTemplateAsync(cluster);
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task<string> MigrateTemplateAsync(PostgresCluster cluster)
    {
        var name = "template_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = await cluster.CreateDatabaseAsync(name);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageSettings.ProviderKey] = "Postgres",
                [StorageSettings.ConnectionStringKey] = connectionString,
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddConversations();
        await using (var provider = services.BuildServiceProvider())
        {
            await StartupChecks.MigrateAsync(provider, CancellationToken.None);
        }

        // Pooled connections stay open after the provider is gone; a template must have none.
        await cluster.DisconnectAllAsync(name);
        return name;
    }
}
