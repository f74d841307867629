using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>Without an ops chat configured, the leader is the one left to act: escalations go to them (PostgreSQL).</summary>
public sealed class AfterSalesWithoutOpsChatTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private AfterSalesWorld world = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        world = await AfterSalesWorld.StartAsync(database, ("AfterSales:OpsChannel", ""), ("AfterSales:OpsChatId", ""));
        await world.PublishAsync();
    }

    public async Task DisposeAsync()
    {
        await world.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Nobody_answering_within_the_hour_is_said_to_the_leader()
    {
        await world.OrderAndCollectAsync();
        await world.PrivatelyAsync("u-wang", "王阿姨", "苹果坏了");
        await world.PhotoAsync("u-wang", "王阿姨", chatId: null);
        await world.PrivatelyAsync("u-wang", "王阿姨", "烂了");
        await world.PrivatelyAsync("u-wang", "王阿姨", "1");
        var opened = await world.SaidAsync();
        Assert.DoesNotContain(opened, s => s.To.StartsWith("chat:ops", StringComparison.Ordinal));

        world.Advance(TimeSpan.FromMinutes(61));
        await world.RunTimersAsync();

        var said = Assert.Single(await world.SaidAsync());
        Assert.Equal("user:u-leader", said.To);
        Assert.StartsWith("【售后升级】T1001 超过1小时还没人答复，请尽快处理。", said.Text, StringComparison.Ordinal);
    }
}
