using Xunit;

namespace GroupBuy.Testing;

/// <summary>
/// A fresh database on the shared cluster for one test class (or one test); dropped afterwards.
/// Empty, or a copy of a template database (an already migrated schema) when one is given.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly Func<PostgresCluster, Task<string>>? template;
    private PostgresCluster? cluster;

    /// <summary>An empty database (xunit's class fixtures need the one public constructor).</summary>
    public PostgresDatabase()
    {
    }

    private PostgresDatabase(Func<PostgresCluster, Task<string>> template)
    {
        this.template = template;
    }

    /// <param name="template">Names the database to copy, creating it on first use.</param>
    public static PostgresDatabase CopyOf(Func<PostgresCluster, Task<string>> template) => new(template);

    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = string.Empty;

    public PostgresCluster Cluster => cluster ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.SharedAsync();
        var copyOf = template is null ? null : await template(cluster);
        ConnectionString = await cluster.CreateDatabaseAsync(Name, copyOf);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DropDatabaseAsync(Name);
        }
    }
}
