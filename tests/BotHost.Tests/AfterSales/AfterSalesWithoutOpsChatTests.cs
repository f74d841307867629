using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>Without an ops chat configured, the leader is the one left to act: escalations go to them (PostgreSQL).</summary>
public sealed class AfterSalesWithoutOpsChatTests : AfterSalesOnPostgres
{
    protected override (string Key, string? Value)[] Settings => [("AfterSales:OpsChannel", ""), ("AfterSales:OpsChatId", "")];

    [Fact]
    public async Task Nobody_answering_within_the_hour_is_said_to_the_leader()
    {
        await World.OrderAndCollectAsync();
        await World.PrivatelyAsync(Wang, WangName, "苹果坏了");
        await World.PhotoAsync(Wang, WangName, chatId: null);
        await World.PrivatelyAsync(Wang, WangName, "烂了");
        await World.PrivatelyAsync(Wang, WangName, "1");
        var opened = await World.SaidAsync();
        Assert.DoesNotContain(opened, s => s.To.StartsWith("chat:ops", StringComparison.Ordinal));

        World.Advance(TimeSpan.FromMinutes(61));
        await World.RunTimersAsync();

        var said = Assert.Single(await World.SaidAsync());
        Assert.Equal(ToLeader, said.To);
        Assert.StartsWith("【售后升级】T1001 超过1小时还没人答复，请尽快处理。", said.Text, StringComparison.Ordinal);
    }
}
