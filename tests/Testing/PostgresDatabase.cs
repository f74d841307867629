using Xunit;

namespace GroupBuy.Testing;

/// <summary>A fresh, empty database on the shared cluster for one test class; dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private PostgresCluster? cluster;

    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = string.Empty;

    public PostgresCluster Cluster => cluster ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.SharedAsync();
        ConnectionString = await cluster.CreateDatabaseAsync(Name);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DropDatabaseAsync(Name);
        }
    }
}
