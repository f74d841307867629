using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Channels.Gateway;
using GroupBuy.BotHost.Tests.Channels.WeCom.Api;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;
using Xunit;
using WireMockRequest = WireMock.RequestBuilders.Request;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GroupBuy.BotHost.Tests.Reliability;

/// <summary>
/// The bridge and WeCom's API in trouble for a while (5xx, hanging up, answering after the sender
/// gave up, WeCom's 45009 frequency limit): messages wait in the outbox and go out once each, a
/// chat's in the order they were queued, when the peer recovers. Time is a fake clock the test
/// moves when the outbox has nothing due; HTTP is real.
/// </summary>
public sealed class PeerOutageTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly BridgeServer bridge = new();
    private readonly WireMockServer wecom = WireMockServer.Start();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private BotHostFactory host = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        wecom.Given(WireMockRequest.Create().WithPath("/cgi-bin/gettoken").UsingGet())
            .RespondWith(WireMockResponse.Create().WithStatusCode(200).WithBody(WeComFake.Reply(0, extra: new { access_token = "TOKEN-1", expires_in = 7200 })));
        host = BotHostFactory.OnPostgres(
                database.ConnectionString,
                ("Gateway:Secret", GatewayClient.Secret),
                ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()),
                ("WeCom:CorpId", WeComFake.CorpId),
                ("WeCom:Secret", WeComFake.Secret),
                ("WeCom:AgentId", "1000002"),
                ("WeCom:ApiBaseUrl", wecom.Url),
                ("Outbox:GiveUpAfterMinutes", "60"),
                ("Outbox:Workers", "0"),
                ("Inbox:Workers", "0"))
            .WithServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                // The bridge's "slow" turns answer after 3 s; the sender gives up after 1 s, not 15.
                services.AddHttpClient(GatewayChannel.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(1));
            });
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-app", "appChat");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        bridge.Dispose();
        wecom.Stop();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Messages_wait_out_a_failing_bridge_and_go_out_once_each_in_order_per_chat()
    {
        bridge.AnswerInTurn(500, BridgeServer.HangUp, BridgeServer.Slow, 503, BridgeServer.HangUp, BridgeServer.Slow, 502);
        string[] roomA = ["a-1", "a-2", "a-3"], roomB = ["b-1", "b-2"];
        await QueueAsync([
            .. roomA.Select(key => OutboundMessage.ToChat(ChannelNames.Gateway, "room-a", $"给A群的{key}", [], key, clock.GetUtcNow())),
            .. roomB.Select(key => OutboundMessage.ToChat(ChannelNames.Gateway, "room-b", $"给B群的{key}", [], key, clock.GetUtcNow())),
        ]);

        await DispatchUntilSentAsync(roomA.Length + roomB.Length);
        // Nothing is left to send, and nothing goes out again (a slow answer is logged when it ends).
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await host.Services.GetRequiredService<OutboxDispatcher>().DispatchNextAsync(CancellationToken.None));
        await Task.Delay(BridgeServer.SlowAnswer);

        var deliveries = bridge.Deliveries;
        Assert.True(deliveries.Count > roomA.Length + roomB.Length, "the trouble made some messages go out more than once");
        foreach (var chat in new[] { roomA, roomB })
        {
            // A chat's messages are tried strictly in turn: the next only once the one before is through.
            var tried = deliveries.Select(d => d.IdempotencyKey).Where(chat.Contains).ToList();
            Assert.Equal([.. tried.OrderBy(k => Array.IndexOf(chat, k))], tried);
            Assert.Equal(chat, tried.Distinct());
        }

        // Each resend is the same message under the same key: a bridge that got it before (the
        // slow answers) drops the repeat by its idempotency key.
        Assert.All(deliveries.GroupBy(d => d.IdempotencyKey), sends => Assert.Single(sends.Select(d => d.Text).Distinct()));
        Assert.Empty(await FailedAsync());
    }

    [Fact]
    public async Task Messages_to_a_wecom_group_wait_out_the_frequency_limit_and_go_out_once_each_in_order()
    {
        const string Limited = "/cgi-bin/appchat/send";
        var limited = (200, WeComFake.Reply(45009, "api freq out of limit"));
        wecom.AnswerInTurn(Limited, limited, limited, limited, (200, WeComFake.Reply(0)));

        var queuedAt = clock.GetUtcNow();
        await QueueAsync([
            OutboundMessage.ToChat("wecom", "wr-app", "第一条：到货啦", [], "app-1", queuedAt),
            OutboundMessage.ToChat("wecom", "wr-app", "第二条：明天取货", [], "app-2", queuedAt),
        ]);

        await DispatchUntilSentAsync(2);

        var sends = wecom.LogEntries.Where(e => e.RequestMessage.Path == Limited).OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => (
                Text: JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("text").GetProperty("content").GetString(),
                Accepted: JsonDocument.Parse(e.ResponseMessage.BodyData!.BodyAsString!).RootElement.GetProperty("errcode").GetInt32() == 0))
            .ToList();
        // Refused three times, the first waits and goes through once; only then the second is tried.
        Assert.Equal(4, sends.TakeWhile(s => s.Text == "第一条：到货啦").Count());
        Assert.All(sends.Skip(4), s => Assert.Equal("第二条：明天取货", s.Text));
        Assert.Equal(["第一条：到货啦", "第二条：明天取货"], sends.Where(s => s.Accepted).Select(s => s.Text));
        var first = (await RowsAsync()).Single(r => r.IdempotencyKey == "app-1");
        Assert.True(first.SentAt > queuedAt, "the first message waited for the limit to pass");
        Assert.Empty(await FailedAsync());
    }

    private async Task DispatchUntilSentAsync(int count)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        for (var step = 0; step < 400; step++)
        {
            var rows = await RowsAsync();
            if (rows.Count(r => r.Status == OutboundMessageStatus.Sent) == count)
            {
                return;
            }

            Assert.DoesNotContain(rows, r => r.Status == OutboundMessageStatus.Failed);
            if (!await dispatcher.DispatchNextAsync(CancellationToken.None))
            {
                clock.Advance(TimeSpan.FromSeconds(30));
            }
        }

        throw new TimeoutException("The outbox never sent everything.");
    }

    private Task QueueAsync(IEnumerable<OutboundMessage> messages) => host.QueueAsync(messages);

    private Task<List<OutboundMessage>> RowsAsync() => host.OutboxAsync();

    private async Task<List<JsonElement>> FailedAsync() =>
        [.. (await host.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri("/api/outbox?status=failed", UriKind.Relative))).EnumerateArray()];
}
