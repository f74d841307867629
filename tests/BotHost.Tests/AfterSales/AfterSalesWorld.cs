using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>
/// A group (room-1, leader 李姐) and an ops chat on the real host, on a fake clock: residents and the
/// leader speak through the signed gateway webhook at the clock's time, and the test processes the
/// inbox and reads what the bot queued to say (workers are off, so nothing happens behind the
/// test's back but the minutely jobs, which only do what the test would do next).
/// </summary>
public sealed class AfterSalesWorld : IAsyncDisposable
{
    public const string ChatId = "room-1";
    public const string OpsChatId = "ops-room";
    public const string LeaderId = "u-leader";

    /// <summary>Monday 5 Jan 2037, 10:00 in Shanghai: daytime, so nothing waits for the morning.</summary>
    public static readonly DateTimeOffset Start = new(2037, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly Func<(string Key, string? Value)[], BotHostFactory> create;
    private readonly (string Key, string? Value)[] extra;
    private readonly List<BotHostFactory> hosts = [];
    private int messages;
    private long seen;

    private AfterSalesWorld(Func<(string Key, string? Value)[], BotHostFactory> create, (string Key, string? Value)[] extra)
    {
        this.create = create;
        this.extra = extra;
        Host = CreateHost();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public BotHostFactory Host { get; private set; }

    public static Task<AfterSalesWorld> StartAsync(PostgresDatabase database, params (string Key, string? Value)[] extra) =>
        StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings), extra);

    public static Task<AfterSalesWorld> StartAsync(TempFolder folder, params (string Key, string? Value)[] extra) =>
        StartAsync(settings => BotHostFactory.OnSqlite(folder, settings), extra);

    private static async Task<AfterSalesWorld> StartAsync(Func<(string Key, string? Value)[], BotHostFactory> create, (string Key, string? Value)[] extra)
    {
        var world = new AfterSalesWorld(create, extra);
        await world.Host.CreateAdminClient().RegisterGroupAsync(ChatId, leaderId: LeaderId);
        return world;
    }

    /// <summary>Stops this host and starts another on the same database and clock, as a deploy or a crash would.</summary>
    public async Task RestartAsync()
    {
        var old = Host;
        Host = CreateHost();
        _ = Host.Services;
        hosts.Remove(old);
        await old.DisposeAsync();
    }

    /// <summary>Creates and publishes a campaign of 红富士苹果 (12.8) and 香蕉 (6) closing in a day; returns its id.</summary>
    public async Task<long> PublishAsync(string title = "周四鲜果", TimeSpan? closesIn = null)
    {
        var admin = Host.CreateAdminClient();
        var now = Clock.GetUtcNow();
        var created = await admin.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            title,
            chatIds = new[] { ChatId },
            closesAt = (now + (closesIn ?? TimeSpan.FromDays(1))).ToOffset(TimeSpan.FromHours(8)),
            pickupAt = (now + TimeSpan.FromDays(2)).ToOffset(TimeSpan.FromHours(8)),
            pickupPoint = "3栋大堂快递柜旁",
            items = new object[]
            {
                new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = (int?)null },
                new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 6.9m, category = "生鲜", stock = (int?)null },
            },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await admin.PostAsync(new Uri($"/api/campaigns/{id}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await ProcessAsync();
        return id;
    }

    /// <summary>王阿姨 orders, the leader cuts off, the goods arrive and she collects them.</summary>
    public async Task OrderAndCollectAsync(string residentId = "u-wang", string name = "王阿姨", string order = "苹果+2")
    {
        await SayAsync(residentId, name, order);
        await CutOffAndArriveAsync();
        await SayAsync(LeaderId, "李姐", $"已取 @{name}", mentions: [residentId]);
    }

    /// <summary>王阿姨 collects her apples and reports them rotten, privately, with a photo: ticket T1001.</summary>
    public async Task<Ticket> ReportRottenApplesAsync()
    {
        await OrderAndCollectAsync();
        await PrivatelyAsync("u-wang", "王阿姨", "苹果坏了");
        await PhotoAsync("u-wang", "王阿姨", chatId: null);
        await PrivatelyAsync("u-wang", "王阿姨", "两个都烂了");
        await PrivatelyAsync("u-wang", "王阿姨", "1");
        await SaidAsync();
        return Assert.Single(await TicketsAsync());
    }

    public async Task CutOffAndArriveAsync()
    {
        await SayAsync(LeaderId, "李姐", "截单");
        await SayAsync(LeaderId, "李姐", "到货");
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>A message in the group (or <paramref name="chatId"/>; null for a private message), processed.</summary>
    public Task<string> SayAsync(string senderId, string senderName, string text, string? chatId = ChatId, IReadOnlyList<string>? mentions = null) =>
        SendAsync(senderId, senderName, chatId, "text", text, imageUrl: null, mentions);

    public Task<string> PrivatelyAsync(string senderId, string senderName, string text) => SayAsync(senderId, senderName, text, chatId: null);

    /// <summary>A photo (with optional words), in the group or privately (<paramref name="chatId"/> null); its address names the message.</summary>
    public Task<string> PhotoAsync(string senderId, string senderName, string? chatId, string? text = null) =>
        SendAsync(senderId, senderName, chatId, "image", text, imageUrl: messageId => $"https://img.example.com/{messageId}.jpg", mentions: null);

    /// <summary>Another host on the same database and clock, as a second instance behind a load balancer.</summary>
    public BotHostFactory AnotherHost() => CreateHost();

    /// <summary>Runs the after-sales timers as the minutely job does.</summary>
    public Task<int> RunTimersAsync() => Host.Services.GetRequiredService<AfterSalesTimers>().RunDueAsync(CancellationToken.None);

    /// <summary>What the bot queued since the last call: (to, text), "to" being "user:u-wang", "chat:room-1" or "chat:ops-room".</summary>
    public async Task<IReadOnlyList<(string To, string Text)>> SaidAsync()
    {
        var said = await ReadAsync(db => db.OutboundMessages.AsNoTracking().Where(m => m.Id > seen).OrderBy(m => m.Id).ToListAsync());
        if (said.Count > 0)
        {
            seen = said[^1].Id;
        }

        return [.. said.Select(m => (m.ToUserId is { } user ? "user:" + user : "chat:" + m.ChatId, m.Text))];
    }

    /// <summary>Everything queued so far to one target (whole history), oldest first.</summary>
    public Task<List<OutboundMessage>> AllToAsync(string to) => ReadAsync(db => db.OutboundMessages.AsNoTracking()
        .Where(m => to.StartsWith("user:") ? m.ToUserId == to.Substring(5) : m.ChatId == to.Substring(5))
        .OrderBy(m => m.Id)
        .ToListAsync());

    public Task<List<Ticket>> TicketsAsync() =>
        ReadAsync(db => db.Tickets.AsNoTracking().Include(t => t.Lines).Include(t => t.Events).OrderBy(t => t.Id).ToListAsync());

    public Task<List<IntakeDialog>> DialogsAsync() => ReadAsync(db => db.IntakeDialogs.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    public async Task<T> ReadAsync<T>(Func<GroupBuyDbContext, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    private BotHostFactory CreateHost()
    {
        var factory = create(
                [
                    ("Outbox:Workers", "0"),
                    ("Inbox:Workers", "0"),
                    ("Gateway:Secret", GatewayClient.Secret),
                    ("Gateway:OutboundUrl", "http://127.0.0.1:9/outbound"),
                    ("Ordering:AckDelaySeconds", "0"),
                    ("AfterSales:OpsChannel", "gateway"),
                    ("AfterSales:OpsChatId", OpsChatId),
                    .. extra,
                ])
            .WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        hosts.Add(factory);
        return factory;
    }

    private async Task<string> SendAsync(
        string senderId, string senderName, string? chatId, string type, string? text, Func<string, string>? imageUrl, IReadOnlyList<string>? mentions)
    {
        var messageId = $"m-{Interlocked.Increment(ref messages)}";
        var body = new
        {
            messageId,
            chatId,
            senderId,
            senderName,
            type,
            text,
            sentAt = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)),
            imageUrl = imageUrl?.Invoke(messageId),
            quotedMessageId = (string?)null,
            mentions = mentions ?? [],
        };
        var gateway = new GatewayClient(Host.CreateClient(), GatewayClient.Secret);
        (await gateway.SendAsync(body, Clock.GetUtcNow())).EnsureSuccessStatusCode();
        await ProcessedAsync(messageId);
        return messageId;
    }

    private async Task ProcessedAsync(string messageId)
    {
        await ProcessAsync();
        var status = await ReadAsync(db => db.InboundMessages.Where(m => m.MessageId == messageId).Select(m => new { m.Status, m.LastError }).SingleAsync());
        if (status.Status != InboundMessageStatus.Processed)
        {
            throw new InvalidOperationException($"Message {messageId} is {status.Status}: {status.LastError}");
        }
    }

    private async Task ProcessAsync()
    {
        var processor = Host.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextAsync(CancellationToken.None))
        {
        }
    }
}
