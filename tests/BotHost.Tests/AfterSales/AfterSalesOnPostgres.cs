using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>
/// A test class on its own PostgreSQL database with an <see cref="AfterSalesWorld"/> whose campaign
/// (周四鲜果) is published, and the names the after-sales tests speak of.
/// </summary>
public abstract class AfterSalesOnPostgres : IAsyncLifetime
{
    protected const string Wang = "u-wang";
    protected const string WangName = "王阿姨";
    protected const string Leader = AfterSalesWorld.LeaderId;
    protected const string ToWang = "user:u-wang";
    protected const string ToGroup = "chat:room-1";
    protected const string ToOps = "chat:ops-room";
    protected const string ToLeader = "user:u-leader";

    private readonly PostgresDatabase database = MigratedDatabase.Create();

    protected AfterSalesWorld World { get; private set; } = null!;

    /// <summary>Settings on top of the world's own (an LLM endpoint, no ops chat).</summary>
    protected virtual (string Key, string? Value)[] Settings => [];

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        World = await AfterSalesWorld.StartAsync(database, Settings);
        await World.PublishAsync();
        await ArrangeAsync();
    }

    /// <summary>What every test of the class starts from, after the campaign is published.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await database.DisposeAsync();
    }
}
