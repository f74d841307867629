using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Inbox;

/// <summary>How stored messages are processed: per-chat order, chats in parallel, failures set aside.</summary>
public sealed class InboxProcessingTests : IAsyncLifetime, IDisposable
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly TempFolder emptyTemplates = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    public void Dispose() => emptyTemplates.Dispose();

    [Fact]
    public async Task Messages_of_each_chat_are_processed_in_the_order_received_while_chats_run_in_parallel()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Gateway:Secret", GatewayClient.Secret), ("Inbox:Workers", "4"), ("Outbox:Workers", "0"));
        var admin = host.CreateAdminClient();
        string[] chats = ["room-a", "room-b", "room-c"];
        foreach (var chat in chats)
        {
            await admin.RegisterGroupAsync(chat);
        }

        var gateway = new GatewayClient(host.CreateAnonymousClient(), GatewayClient.Secret);
        var sent = new List<(string Chat, string MessageId)>();
        for (var i = 0; i < 60; i++)
        {
            var chat = chats[i % 3];
            var id = $"m-{i:D3}";
            Assert.Equal(HttpStatusCode.OK, (await gateway.SendAsync(GatewayClient.Text(id, chat, $"u-{i}", "帮助"))).StatusCode);
            sent.Add((chat, id));
        }

        await WaitAsync(host, db => db.InboundMessages.CountAsync(m => m.Status == InboundMessageStatus.Processed), 60);

        // Each reply's idempotency key names the message it answers; outbox ids show the processing order.
        await using var scope = host.Services.CreateAsyncScope();
        var replies = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages
            .OrderBy(m => m.Id).Select(m => new { m.ChatId, m.IdempotencyKey }).ToListAsync();
        foreach (var chat in chats)
        {
            var processed = replies.Where(r => r.ChatId == chat).Select(r => r.IdempotencyKey.Split(':')[2]);
            Assert.Equal(sent.Where(s => s.Chat == chat).Select(s => s.MessageId), processed);
        }
    }

    [Fact]
    public async Task Two_hosts_share_a_backlog_by_chat_each_chat_in_order_and_each_message_once()
    {
        // The first host only takes webhooks, so a backlog builds up for the other two to share.
        (string, string?)[] common = [("Gateway:Secret", GatewayClient.Secret), ("Outbox:Workers", "0")];
        await using var intake = BotHostFactory.OnPostgres(database.ConnectionString, [.. common, ("Inbox:Workers", "0")]);
        var admin = intake.CreateAdminClient();
        var chats = Enumerable.Range(1, 6).Select(i => $"room-{i}").ToList();
        foreach (var chat in chats)
        {
            await admin.RegisterGroupAsync(chat);
        }

        var gateway = new GatewayClient(intake.CreateAnonymousClient(), GatewayClient.Secret);
        var sent = new List<(string Chat, string MessageId)>();
        for (var i = 0; i < 240; i++)
        {
            // Uneven chats: one has half the backlog, as in a launch where one group is busiest.
            var chat = i % 2 == 0 ? chats[0] : chats[1 + (i % 5)];
            var id = $"b-{i:D3}";
            Assert.Equal(HttpStatusCode.OK, (await gateway.SendAsync(GatewayClient.Text(id, chat, $"u-{i % 40}", "帮助"))).StatusCode);
            sent.Add((chat, id));
        }

        await using var first = BotHostFactory.OnPostgres(database.ConnectionString, [.. common, ("Inbox:Workers", "4"), ("Inbox:PollMilliseconds", "100")]);
        await using var second = BotHostFactory.OnPostgres(database.ConnectionString, [.. common, ("Inbox:Workers", "4"), ("Inbox:PollMilliseconds", "100")]);
        first.CreateClient();
        second.CreateClient();

        await WaitAsync(intake, db => db.InboundMessages.CountAsync(m => m.Status == InboundMessageStatus.Processed), sent.Count);
        await using var scope = intake.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        Assert.Equal(sent.Count, await db.InboundMessages.CountAsync(m => m.Status == InboundMessageStatus.Processed && m.Attempts == 1));
        var replies = await db.OutboundMessages.OrderBy(m => m.Id).Select(m => new { m.ChatId, m.IdempotencyKey }).ToListAsync();
        Assert.Equal(sent.Count, replies.Count);
        foreach (var chat in chats)
        {
            var processed = replies.Where(r => r.ChatId == chat).Select(r => r.IdempotencyKey.Split(':')[2]);
            Assert.Equal(sent.Where(s => s.Chat == chat).Select(s => s.MessageId), processed);
        }
    }

    [Fact]
    public async Task A_failing_message_keeps_what_came_before_it_and_holds_back_what_comes_after()
    {
        // No templates: the help reply cannot be rendered, so "帮助" fails; thanks need no answer.
        await using var host = BotHostFactory.OnPostgres(
            database.ConnectionString,
            ("Gateway:Secret", GatewayClient.Secret),
            ("Templates:Path", emptyTemplates.Path),
            ("Inbox:MaxAttempts", "2"),
            ("Inbox:Workers", "0"),
            ("Outbox:Workers", "0"));
        await host.CreateAdminClient().RegisterGroupAsync("room-1");
        var gateway = new GatewayClient(host.CreateAnonymousClient(), GatewayClient.Secret);
        await gateway.SendAsync(GatewayClient.Text("m-before", "room-1", "u-9", "辛苦团长啦"));
        await gateway.SendAsync(GatewayClient.Text("m-poison", "room-1", "u-9", "帮助"));
        await gateway.SendAsync(GatewayClient.Text("m-after", "room-1", "u-9", "谢谢"));
        var processor = host.Services.GetRequiredService<InboxProcessor>();

        // One batch: the first message is done, the second fails and stops the chat there.
        Assert.True(await processor.ProcessNextAsync(CancellationToken.None));
        var states = await StatesAsync(host);
        Assert.Equal((InboundMessageStatus.Processed, 1), states["m-before"]);
        Assert.Equal((InboundMessageStatus.Pending, 1), states["m-poison"]);
        Assert.Equal((InboundMessageStatus.Pending, 0), states["m-after"]);

        // While the failed message waits for its retry, the chat's later message waits too.
        Assert.False(await processor.ProcessNextAsync(CancellationToken.None));
        Assert.Equal((InboundMessageStatus.Pending, 0), (await StatesAsync(host))["m-after"]);
    }

    private static async Task<Dictionary<string, (InboundMessageStatus, int)>> StatesAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.AsNoTracking()
            .ToDictionaryAsync(m => m.MessageId, m => (m.Status, m.Attempts));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_set_aside_and_the_chat_goes_on()
    {
        // No templates: the help reply cannot be rendered, so processing "帮助" fails every time.
        await using var host = BotHostFactory.OnPostgres(
            database.ConnectionString,
            ("Gateway:Secret", GatewayClient.Secret),
            ("Templates:Path", emptyTemplates.Path),
            ("Inbox:MaxAttempts", "2"),
            ("Outbox:Workers", "0"));
        await host.CreateAdminClient().RegisterGroupAsync("room-1");
        var gateway = new GatewayClient(host.CreateAnonymousClient(), GatewayClient.Secret);

        await gateway.SendAsync(GatewayClient.Text("m-poison", "room-1", "u-9", "帮助"));
        await gateway.SendAsync(GatewayClient.Text("m-after", "room-1", "u-9", "辛苦团长啦"));

        await WaitAsync(host, db => db.InboundMessages.CountAsync(m => m.Status != InboundMessageStatus.Pending), 2);
        await using var scope = host.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.AsNoTracking().ToDictionaryAsync(m => m.MessageId);
        Assert.Equal(InboundMessageStatus.Failed, messages["m-poison"].Status);
        Assert.Equal(2, messages["m-poison"].Attempts);
        Assert.Contains("TemplateException", messages["m-poison"].LastError, StringComparison.Ordinal);
        Assert.Equal(InboundMessageStatus.Processed, messages["m-after"].Status);
        Assert.True(messages["m-after"].ProcessedAt >= messages["m-poison"].ProcessedAt, "the later message waited for the earlier one");
    }

    [Fact]
    public async Task Messages_from_unregistered_chats_are_processed_without_an_answer()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Gateway:Secret", GatewayClient.Secret), ("Outbox:Workers", "0"));
        var gateway = new GatewayClient(host.CreateAnonymousClient(), GatewayClient.Secret);

        await gateway.SendAsync(GatewayClient.Text("m-stranger", "room-unknown", "u-9", "帮助"));

        await WaitAsync(host, db => db.InboundMessages.CountAsync(m => m.Status == InboundMessageStatus.Processed), 1);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.CountAsync());
    }

    private static async Task WaitAsync(BotHostFactory host, Func<GroupBuyDbContext, Task<int>> count, int expected)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            if (await count(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>()) >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Fewer than {expected} messages reached the expected state.");
    }
}
