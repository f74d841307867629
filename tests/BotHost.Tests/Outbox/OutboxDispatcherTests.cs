using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Outbox;

/// <summary>
/// The dispatcher driven step by step on a fake clock (its background loops are off), against a
/// bridge over real HTTP and real PostgreSQL.
/// </summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly BridgeServer bridge = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private BotHostFactory host = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(
                database.ConnectionString,
                ("Gateway:Secret", GatewayClient.Secret),
                ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()),
                ("Gateway:MessagesPerMinute", "20"),
                ("Outbox:GiveUpAfterMinutes", "30"),
                ("Outbox:Workers", "0"),
                ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        _ = host.Services;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        bridge.Dispose();
        await database.DisposeAsync();
    }

    private OutboxDispatcher Dispatcher => host.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task A_burst_of_200_messages_to_one_chat_keeps_to_its_rate_limit_and_sends_each_once()
    {
        await QueueAsync(Enumerable.Range(1, 200).Select(i => OutboundMessage.ToChat(ChannelNames.Gateway, "room-burst", $"第{i}条", [], $"burst-{i}", clock.GetUtcNow())));

        for (var step = 0; step < 2000 && bridge.Deliveries.Count < 200; step++)
        {
            if (!await Dispatcher.DispatchNextAsync(CancellationToken.None))
            {
                clock.Advance(TimeSpan.FromSeconds(5));
            }
        }

        var deliveries = bridge.Deliveries;
        Assert.Equal(200, deliveries.Count);
        Assert.Equal(200, deliveries.Select(d => d.IdempotencyKey).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"第{i}条"), deliveries.Select(d => d.Text));
        var sentAt = await SentTimesAsync();
        Assert.All(sentAt, t => Assert.True(sentAt.Count(s => s > t - TimeSpan.FromMinutes(1) && s <= t) <= 20, $"more than 20 sends in the minute up to {t:O}"));
        Assert.True(sentAt.Max() - sentAt.Min() >= TimeSpan.FromMinutes(9), "200 messages at 20 a minute take at least nine minutes");
    }

    [Fact]
    public async Task Different_chats_do_not_share_a_rate_limit()
    {
        await QueueAsync(Enumerable.Range(1, 25).SelectMany(i => new[]
        {
            OutboundMessage.ToChat(ChannelNames.Gateway, "room-a", $"a{i}", [], $"a-{i}", clock.GetUtcNow()),
            OutboundMessage.ToChat(ChannelNames.Gateway, "room-b", $"b{i}", [], $"b-{i}", clock.GetUtcNow()),
        }));

        while (await Dispatcher.DispatchNextAsync(CancellationToken.None))
        {
        }

        Assert.Equal(40, bridge.Deliveries.Count);
        Assert.Equal(20, bridge.Deliveries.Count(d => d.Body.GetProperty("chatId").GetString() == "room-a"));
    }

    [Fact]
    public async Task A_message_the_bridge_keeps_refusing_is_marked_failed_after_the_give_up_time_and_not_sent_again()
    {
        bridge.AnswerAlways(502);
        await QueueAsync([OutboundMessage.ToChat(ChannelNames.Gateway, "room-down", "到货啦", [], "down-1", clock.GetUtcNow())]);

        for (var step = 0; step < 200; step++)
        {
            if (!await Dispatcher.DispatchNextAsync(CancellationToken.None))
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        var message = await SingleAsync("down-1");
        Assert.Equal(OutboundMessageStatus.Failed, message.Status);
        Assert.Contains("502", message.LastError, StringComparison.Ordinal);
        var attempts = bridge.Deliveries.Count;
        Assert.True(attempts >= 3, $"retried {attempts} times");
        Assert.Equal(attempts, message.Attempts);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await Dispatcher.DispatchNextAsync(CancellationToken.None));
        Assert.Equal(attempts, bridge.Deliveries.Count);
    }

    [Fact]
    public async Task Ops_see_a_failed_message_and_can_send_it_again_once_the_bridge_is_back()
    {
        bridge.AnswerAlways(502);
        await QueueAsync([OutboundMessage.ToChat(ChannelNames.Gateway, "room-down", "到货啦", [], "down-2", clock.GetUtcNow())]);
        for (var step = 0; step < 200 && (await SingleAsync("down-2")).Status != OutboundMessageStatus.Failed; step++)
        {
            if (!await Dispatcher.DispatchNextAsync(CancellationToken.None))
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        var admin = host.CreateAdminClient();
        var failed = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/outbox?status=failed", UriKind.Relative));
        var listed = Assert.Single(failed.EnumerateArray());
        Assert.Equal("down-2", listed.GetProperty("idempotencyKey").GetString());
        Assert.Contains("502", listed.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        bridge.AnswerAlways(200);
        var retried = await admin.PostAsync(new Uri($"/api/outbox/{listed.GetProperty("id").GetInt64()}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.True(await Dispatcher.DispatchNextAsync(CancellationToken.None));

        Assert.Equal(OutboundMessageStatus.Sent, (await SingleAsync("down-2")).Status);
        Assert.Equal(200, bridge.Deliveries[^1].AnsweredWith);
        Assert.Single(bridge.Deliveries.Select(d => d.IdempotencyKey).Distinct());
        var again = await admin.PostAsync(new Uri($"/api/outbox/{listed.GetProperty("id").GetInt64()}/retry", UriKind.Relative), null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Without_an_outbound_url_messages_fail_at_once_with_the_setting_named()
    {
        await using var unconfigured = BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await using (var scope = unconfigured.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            db.OutboundMessages.Add(OutboundMessage.ToChat(ChannelNames.Gateway, "room-x", "你好", [], "nourl-1", clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        Assert.True(await unconfigured.Services.GetRequiredService<OutboxDispatcher>().DispatchNextAsync(CancellationToken.None));

        var message = await SingleAsync("nourl-1");
        Assert.Equal(OutboundMessageStatus.Failed, message.Status);
        Assert.Contains("Gateway:OutboundUrl", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_due_later_wait_for_their_time()
    {
        await QueueAsync([OutboundMessage.ToChat(ChannelNames.Gateway, "room-later", "明早见", [], "later-1", clock.GetUtcNow(), dueAt: clock.GetUtcNow().AddHours(1))]);

        Assert.False(await Dispatcher.DispatchNextAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await Dispatcher.DispatchNextAsync(CancellationToken.None));

        Assert.Single(bridge.Deliveries);
    }

    [Fact]
    public async Task The_same_idempotency_key_cannot_be_queued_twice()
    {
        await QueueAsync([OutboundMessage.ToChat(ChannelNames.Gateway, "room-1", "提醒", [], "reminder:7:u-9:1", clock.GetUtcNow())]);

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => QueueAsync([OutboundMessage.ToChat(ChannelNames.Gateway, "room-1", "提醒", [], "reminder:7:u-9:1", clock.GetUtcNow())]));

        Assert.True(ex.IsUniqueViolation());
    }

    private Task QueueAsync(IEnumerable<OutboundMessage> messages) => host.QueueAsync(messages);

    private async Task<List<DateTimeOffset>> SentTimesAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages
            .Where(m => m.SentAt != null).Select(m => m.SentAt!.Value).ToListAsync();
    }

    private async Task<OutboundMessage> SingleAsync(string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key);
    }
}
