using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;
using Xunit;
using WireMockRequest = WireMock.RequestBuilders.Request;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

/// <summary>A group robot takes 20 messages a minute: a burst of 200 goes out at that pace, each message once.</summary>
public sealed class WeComRobotBurstTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly WireMockServer wecom = WireMockServer.Start();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private BotHostFactory host = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        wecom.Given(WireMockRequest.Create().WithPath("/cgi-bin/webhook/send").UsingPost())
            .RespondWith(WireMockResponse.Create().WithStatusCode(200).WithBodyAsJson(new { errcode = 0, errmsg = "ok" }));
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("WeCom:ApiBaseUrl", wecom.Url), ("Outbox:Workers", "0"), ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-robot-burst", "robot", "burst-robot-key");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        wecom.Stop();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_of_200_messages_to_one_robot_goes_out_at_20_a_minute_each_once()
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            db.OutboundMessages.AddRange(Enumerable.Range(1, 200).Select(i =>
                OutboundMessage.ToChat("wecom", "wr-robot-burst", $"第{i}条提醒", [], $"robot-burst-{i}", clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }

        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var sendTimes = new List<DateTimeOffset>();
        for (var step = 0; step < 3000 && sendTimes.Count < 200; step++)
        {
            var before = Sends().Count;
            if (!await dispatcher.DispatchNextAsync(CancellationToken.None))
            {
                clock.Advance(TimeSpan.FromSeconds(5));
            }
            else if (Sends().Count > before)
            {
                sendTimes.Add(clock.GetUtcNow());
            }
        }

        var sends = Sends();
        Assert.Equal(200, sends.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"第{i}条提醒"), sends);
        Assert.All(sendTimes, t => Assert.True(sendTimes.Count(s => s > t - TimeSpan.FromMinutes(1) && s <= t) <= 20, $"more than 20 robot messages in the minute up to {t:O}"));
    }

    private List<string> Sends() => [.. wecom.LogEntries
        .Where(e => e.RequestMessage.Path == "/cgi-bin/webhook/send")
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => System.Text.Json.JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("text").GetProperty("content").GetString() ?? string.Empty)];
}
