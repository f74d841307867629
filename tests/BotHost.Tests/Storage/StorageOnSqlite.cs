using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Storage;

public sealed class StorageOnSqlite : StorageContract, IDisposable
{
    private readonly TempFolder folder = new();

    protected override BotHostFactory CreateHost(params (string Key, string? Value)[] overrides) => BotHostFactory.OnSqlite(folder, overrides);

    [Fact]
    public async Task Start_up_creates_the_data_file_and_a_jobs_file_beside_it()
    {
        await using var host = CreateHost();
        _ = host.Services;

        Assert.True(File.Exists(folder.File("groupbuy.db")));
        Assert.True(File.Exists(folder.File("groupbuy.jobs.db")));
    }

    public void Dispose() => folder.Dispose();
}
