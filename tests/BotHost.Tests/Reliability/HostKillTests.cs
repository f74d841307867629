using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Reliability;

/// <summary>
/// The host as its own process, killed with SIGKILL right after it answered 100 replies (no
/// shutdown, no flush): a new host on the same database turns each of them into one order and
/// sends each acknowledgement once.
/// </summary>
public sealed class HostKillTests : IAsyncLifetime
{
    private const int Replies = 100;

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly BridgeServer bridge = new();
    private readonly TempFolder folder = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public async Task DisposeAsync()
    {
        bridge.Dispose();
        folder.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Replies_answered_by_a_killed_host_are_ordered_and_acknowledged_once_by_the_next_one()
    {
        long campaignId;
        await using (var first = await StartHostAsync())
        {
            using var admin = AdminClient(first);
            await admin.RegisterGroupAsync(ChatScenario.ChatId);
            campaignId = await PublishAsync(admin);
            var gateway = new GatewayClient(new HttpClient { BaseAddress = first.BaseAddress }, GatewayClient.Secret);
            await Parallel.ForEachAsync(Enumerable.Range(1, Replies), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (i, _) =>
            {
                var response = await gateway.SendAsync(GatewayClient.Text($"m-{i}", ChatScenario.ChatId, $"u-{i}", "苹果+1", $"居民{i:000}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            });

            first.Kill();
        }

        await using var second = await StartHostAsync();
        using var secondAdmin = AdminClient(second);
        var orders = await WaitForOrdersAsync(secondAdmin, campaignId);
        Assert.Equal(Replies, orders.Count);
        Assert.All(orders, o => Assert.Equal("1:1", o.Value));

        // Every resident is acknowledged, in exactly one message, and no message went out twice.
        var acks = await WaitForAcknowledgementsAsync();
        Assert.Equal(acks.Count, acks.Select(a => a.IdempotencyKey).Distinct().Count());
        Assert.All(Enumerable.Range(1, Replies), i => Assert.Equal(1, acks.Sum(a => Occurrences(a.Text, $"居民{i:000}："))));
    }

    private async Task<BotHostProcess> StartHostAsync()
    {
        var host = BotHostProcess.Start(
            folder.Path,
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:GroupBuy={database.ConnectionString}",
            $"--Admin:ApiKey={BotHostFactory.AdminKey}",
            $"--Gateway:Secret={GatewayClient.Secret}",
            $"--Gateway:OutboundUrl={bridge.OutboundUrl}",
            // Long enough that the first host sends no acknowledgement before it is killed.
            "--Ordering:AckDelaySeconds=5",
            "--Simulator:DemoOnFirstStart=false");
        await host.WaitUntilHealthyAsync();
        return host;
    }

    private static HttpClient AdminClient(BotHostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BotHostFactory.AdminKey);
        return client;
    }

    private async Task<long> PublishAsync(HttpClient admin)
    {
        var id = await admin.PublishCampaignAsync(
            [ChatScenario.ChatId],
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 500 });
        // The preview is out before the replies to it come.
        await bridge.WaitForDeliveriesAsync(1);
        return id;
    }

    private static async Task<Dictionary<string, string>> WaitForOrdersAsync(HttpClient admin, long campaignId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var orders = await admin.OrdersAsync(campaignId);
            if (orders.Count >= Replies || DateTime.UtcNow > deadline)
            {
                return orders;
            }

            await Task.Delay(200);
        }
    }

    private async Task<List<BridgeDelivery>> WaitForAcknowledgementsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var acks = bridge.Deliveries.Where(d => d.Text.StartsWith("已记下", StringComparison.Ordinal)).ToList();
            var acknowledged = Enumerable.Range(1, Replies).Count(i => acks.Any(a => a.Text.Contains($"居民{i:000}：", StringComparison.Ordinal)));
            if (acknowledged == Replies || DateTime.UtcNow > deadline)
            {
                // Anything sent twice would have followed by now: the outbox polls every few hundred ms.
                await Task.Delay(TimeSpan.FromSeconds(1));
                return [.. bridge.Deliveries.Where(d => d.Text.StartsWith("已记下", StringComparison.Ordinal))];
            }

            await Task.Delay(200);
        }
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;
}
