using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Reliability;

/// <summary>
/// A bridge that retries before it heard the first answer: the same order delivered three times at
/// once is one order, one stock decrement and one acknowledgement. (The WeCom storm is in
/// WeComWebhookTests, beside the callback crypto it needs.)
/// </summary>
public sealed class DuplicateStormTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
        await chat.PublishAsync(new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 10 });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task The_same_gateway_order_delivered_three_times_at_once_is_one_order_and_one_answer()
    {
        var message = GatewayClient.Text("m-storm", ChatScenario.ChatId, "u-1", "苹果+1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => chat.Gateway.SendAsync(message)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await chat.ProcessedAsync("m-storm");
        Assert.Equal(new Dictionary<string, string> { ["u-1"] = "1:1" }, await chat.OrdersAsync());
        Assert.Equal(9, await chat.StockAsync(1));
        var ack = Assert.Single(await chat.RepliesAsync());
        Assert.Matches("王阿姨：[^\n]*苹果×1", ack.Text);
    }
}
