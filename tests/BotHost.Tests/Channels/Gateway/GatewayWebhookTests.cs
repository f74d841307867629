using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Channels.Gateway;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.Gateway;

/// <summary>
/// The signed bridge webhook, end to end: bridge → webhook → inbox → router → outbox → bridge.
/// Each test has its own database, so queued messages of one never reach another's bridge.
/// </summary>
public sealed class GatewayWebhookTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly BridgeServer bridge = new();
    private BotHostFactory host = null!;
    private GatewayClient gateway = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = Host();
        gateway = new GatewayClient(host.CreateAnonymousClient(), GatewayClient.Secret);
        await host.CreateAdminClient().RegisterGroupAsync("room-1");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        bridge.Dispose();
        await database.DisposeAsync();
    }

    private BotHostFactory Host(params (string Key, string? Value)[] overrides) => BotHostFactory.OnPostgres(
        database.ConnectionString,
        [("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()), .. overrides]);

    [Fact]
    public async Task Help_in_a_registered_group_is_answered_through_the_bridge_with_a_signed_post()
    {
        var response = await gateway.SendAsync(GatewayClient.Text("m-help-1", "room-1", "u-9", "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var delivery = Assert.Single(await bridge.WaitForDeliveriesAsync(1));
        Assert.Equal("room-1", delivery.Body.GetProperty("chatId").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.Body.GetProperty("toUserId").ValueKind);
        Assert.Equal(["u-9"], delivery.Body.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("阳光花园3栋团购群的团购小助手", delivery.Text, StringComparison.Ordinal);
        Assert.Contains("苹果+2", delivery.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("@团购助手", delivery.Text, StringComparison.Ordinal);
        Assert.Null(GatewaySignature.Check(GatewayClient.Secret, delivery.Timestamp, delivery.Signature, Encoding.UTF8.GetBytes(delivery.RawBody), DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("@团购助手 帮助")]
    [InlineData("@团购助手\u2005帮助")]
    [InlineData("/帮助")]
    [InlineData("  帮助？ ")]
    public async Task Help_is_recognised_with_mentions_and_command_slashes(string text)
    {
        await gateway.SendAsync(GatewayClient.Text("m-help-" + Guid.NewGuid().ToString("N"), "room-1", "u-9", text));

        Assert.Single(await bridge.WaitForDeliveriesAsync(1));
    }

    [Fact]
    public async Task Help_asked_in_a_private_chat_is_answered_privately_with_what_can_be_done_there()
    {
        await gateway.SendAsync(GatewayClient.Private("m-private-help", "u-9", "帮助"));

        var delivery = Assert.Single(await bridge.WaitForDeliveriesAsync(1));
        Assert.Equal(JsonValueKind.Null, delivery.Body.GetProperty("chatId").ValueKind);
        Assert.Equal("u-9", delivery.Body.GetProperty("toUserId").GetString());
        Assert.Contains("私聊里可以这样找我", delivery.Text, StringComparison.Ordinal);
        Assert.Contains("售后", delivery.Text, StringComparison.Ordinal);
        Assert.Contains("退订", delivery.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "你好呀，在吗")]
    [InlineData("room-1", "@团购助手 今天天气怎么样")]
    public async Task Anything_said_to_the_bot_that_no_handler_takes_gets_an_answer_pointing_to_help(string? chatId, string text)
    {
        await gateway.SendAsync(chatId is null ? GatewayClient.Private("m-unknown", "u-9", text) : GatewayClient.Text("m-unknown", chatId, "u-9", text));

        var delivery = Assert.Single(await bridge.WaitForDeliveriesAsync(1));
        Assert.Contains("这句我没看懂", delivery.Text, StringComparison.Ordinal);
        Assert.Contains("帮助", delivery.Text, StringComparison.Ordinal);
        Assert.Equal(chatId is null ? "u-9" : null, delivery.Body.GetProperty("toUserId").GetString());
    }

    [Fact]
    public async Task Chit_chat_gets_no_answer_but_is_processed()
    {
        await gateway.SendAsync(GatewayClient.Text("m-chat-1", "room-1", "u-9", "辛苦团长啦"));

        await WaitUntilProcessedAsync("m-chat-1");
        Assert.Empty(bridge.Deliveries);
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_is_processed_once()
    {
        var message = GatewayClient.Text("m-dup-1", "room-1", "u-9", "帮助");

        var answers = new[] { await gateway.SendAsync(message), await gateway.SendAsync(message), await gateway.SendAsync(message) };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var statuses = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() ?? string.Empty));
        Assert.Equal(["accepted", "duplicate", "duplicate"], statuses);
        await WaitUntilProcessedAsync("m-dup-1");
        await Task.Delay(500);
        Assert.Single(bridge.Deliveries);
        Assert.Equal(1, await CountAsync("m-dup-1"));
    }

    [Fact]
    public async Task Concurrent_duplicate_deliveries_store_one_message()
    {
        var message = GatewayClient.Text("m-race-1", "room-1", "u-9", "帮助");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => gateway.SendAsync(message)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await CountAsync("m-race-1"));
        Assert.Single(await bridge.WaitForDeliveriesAsync(1));
    }

    [Fact]
    public async Task A_forged_signature_is_refused_and_nothing_is_stored()
    {
        var response = await gateway.SendRawAsync(JsonSerializer.Serialize(GatewayClient.Text("m-forged", "room-1", "u-9", "帮助")), signature: "sha256=" + new string('0', 64));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("does not match", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("m-forged"));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var body = JsonSerializer.Serialize(GatewayClient.Text("m-tampered", "room-1", "u-9", "苹果+1"));
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = GatewaySignature.Sign(GatewayClient.Secret, ts, Encoding.UTF8.GetBytes(body));

        var response = await gateway.SendRawAsync(body.Replace("u-9", "u-8", StringComparison.Ordinal), timestamp: ts, signature: signature);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CountAsync("m-tampered"));
    }

    [Theory]
    [InlineData(-330)]
    [InlineData(330)]
    [InlineData(-600)]
    [InlineData(600)]
    public async Task A_stale_or_future_timestamp_is_refused(int offsetSeconds)
    {
        var response = await gateway.SendAsync(GatewayClient.Text("m-stale", "room-1", "u-9", "帮助"), DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("300 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("m-stale"));
    }

    [Fact]
    public async Task Missing_signature_headers_are_refused()
    {
        var response = await host.CreateAnonymousClient().PostAsync(
            new Uri("/webhooks/gateway", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(GatewayClient.Text("m-nosig", "room-1", "u-9", "帮助")), Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CountAsync("m-nosig"));
    }

    [Theory]
    [InlineData("""{"chatId":"room-1","senderId":"u-9","type":"text","text":"帮助","sentAt":"2026-11-25T10:00:00+08:00"}""", "messageId")]
    [InlineData("""{"messageId":"m-bad-2","chatId":"room-1","type":"text","text":"帮助","sentAt":"2026-11-25T10:00:00+08:00"}""", "senderId")]
    [InlineData("""{"messageId":"m-bad-3","chatId":"room-1","senderId":"u-9","type":"video","sentAt":"2026-11-25T10:00:00+08:00"}""", "type")]
    [InlineData("""{"messageId":"m-bad-4","chatId":"room-1","senderId":"u-9","type":"text","sentAt":"2026-11-25T10:00:00+08:00"}""", "text")]
    [InlineData("""{"messageId":"m-bad-5","chatId":"room-1","senderId":"u-9","type":"text","text":"帮助"}""", "sentAt")]
    [InlineData("""{"messageId":"m-bad-6","chatId":"room-1","senderId":"u-9","type":"text","text":"帮助","sentAt":"yesterday"}""", "sentAt")]
    [InlineData("""{"messageId":"m-bad-7","chatId":"room-1","senderId":"u-9","type":"image","sentAt":"2026-11-25T10:00:00+08:00"}""", "imageUrl")]
    [InlineData("""{"messageId":"m-bad-8","chatId":"room-1","senderId":"u-9","type":"text","text":"帮助","sentAt":"2026-11-25T10:00:00+08:00","mentions":"u-1"}""", "mentions")]
    [InlineData("""{"messageId":"m-bad-9", """, "body")]
    public async Task A_malformed_body_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var response = await gateway.SendRawAsync(json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.CountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400_and_nothing_is_stored()
    {
        var json = Encoding.UTF8.GetBytes("""{"messageId":"m-latin","chatId":"room-1","senderId":"u-9","type":"text","text":"苹果+1 XX","sentAt":"2026-11-25T10:00:00+08:00"}""");
        var at = Array.IndexOf(json, (byte)'X');
        json[at] = 0xC3;
        json[at + 1] = 0x28;

        var response = await gateway.SendBytesAsync(json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("text"));
        Assert.Equal(0, await CountAsync("m-latin"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_nothing_is_stored()
    {
        var response = await gateway.SendAsync(GatewayClient.Text("m-huge", "room-1", "u-9", new string('x', 70 * 1024)));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountAsync("m-huge"));
    }

    [Fact]
    public async Task An_image_message_is_stored_with_its_url()
    {
        var response = await gateway.SendAsync(new
        {
            messageId = "m-img-1",
            chatId = "room-1",
            senderId = "u-9",
            senderName = "王阿姨",
            type = "image",
            sentAt = DateTimeOffset.UtcNow,
            imageUrl = "https://bridge.example/media/abc.jpg",
            mentions = new[] { "u-leader" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await WaitUntilProcessedAsync("m-img-1");
        Assert.Equal(InboundMessageKind.Image, stored.Kind);
        Assert.Equal("https://bridge.example/media/abc.jpg", stored.ImageUrl);
        Assert.Equal(["u-leader"], stored.Mentions);
    }

    [Fact]
    public async Task Without_a_secret_the_gateway_is_not_there()
    {
        await using var closed = BotHostFactory.OnPostgres(database.ConnectionString);

        var response = await new GatewayClient(closed.CreateAnonymousClient(), GatewayClient.Secret).SendAsync(GatewayClient.Text("m-404", "room-1", "u-9", "帮助"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_message_answered_but_not_processed_when_the_host_stopped_is_processed_by_the_next_host()
    {
        // The first host takes webhooks but dies before processing anything.
        await using (var dying = Host(("Inbox:Workers", "0"), ("Outbox:Workers", "0")))
        {
            var answer = await new GatewayClient(dying.CreateAnonymousClient(), GatewayClient.Secret).SendAsync(GatewayClient.Text("m-crash-1", "room-1", "u-9", "帮助"));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await using var next = Host();
        _ = next.Services;

        var delivery = Assert.Single(await bridge.WaitForDeliveriesAsync(1));
        Assert.Contains("团购小助手", delivery.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_send_is_retried_with_the_same_idempotency_key()
    {
        bridge.AnswerInTurn(500, 503);

        await gateway.SendAsync(GatewayClient.Text("m-retry-1", "room-1", "u-9", "帮助"));

        var deliveries = await bridge.WaitForDeliveriesAsync(3, TimeSpan.FromSeconds(60));
        Assert.Equal([500, 503, 200], deliveries.Select(d => d.AnsweredWith));
        Assert.Single(deliveries.Select(d => d.IdempotencyKey).Distinct());
        await Task.Delay(500);
        Assert.Equal(3, bridge.Deliveries.Count);
    }

    private async Task<int> CountAsync(string messageId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.CountAsync(m => m.MessageId == messageId);
    }

    private async Task<InboundMessage> WaitUntilProcessedAsync(string messageId)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.MessageId == messageId);
            if (message?.Status == InboundMessageStatus.Processed)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Message {messageId} was not processed.");
    }
}
