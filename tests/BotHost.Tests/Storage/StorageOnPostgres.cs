using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Jobs.Hosting;
using GroupBuy.Testing;
using Npgsql;
using Xunit;

namespace GroupBuy.BotHost.Tests.Storage;

public sealed class StorageOnPostgres : StorageContract, IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public StorageOnPostgres(PostgresDatabase database)
    {
        this.database = database;
    }

    protected override BotHostFactory CreateHost(params (string Key, string? Value)[] overrides) => BotHostFactory.OnPostgres(database.ConnectionString, overrides);

    [Fact]
    public async Task Start_up_creates_the_domain_and_hangfire_tables()
    {
        await using var host = CreateHost();
        _ = host.Services;

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public', @hangfire)", connection))
        {
            command.Parameters.AddWithValue("hangfire", JobStorageFactory.PostgresSchema);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("public.groups", tables);
        Assert.Contains("public.campaigns", tables);
        Assert.Contains("public.campaign_items", tables);
        Assert.Contains("public.residents", tables);
        Assert.Contains("public.orders", tables);
        Assert.Contains("public.order_lines", tables);
        Assert.Contains("public.inbound_messages", tables);
        Assert.Contains("public.outbound_messages", tables);
        Assert.Contains("hangfire.job", tables);
        Assert.Contains("hangfire.server", tables);
    }
}
