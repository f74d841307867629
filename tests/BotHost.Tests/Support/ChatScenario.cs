using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>
/// A group chat wired to the real host: residents speak through the signed gateway webhook, the
/// bot answers through the bridge (WireMock over HTTP), ops use the admin API. Acknowledgements go
/// out without the usual few seconds of collecting, so tests wait for real messages, not clocks.
/// </summary>
public sealed class ChatScenario : IAsyncDisposable
{
    public const string ChatId = "room-1";
    public const string LeaderId = "u-leader";

    private int messages;

    private ChatScenario(BotHostFactory host, BridgeServer bridge)
    {
        Host = host;
        Bridge = bridge;
        Admin = host.CreateAdminClient();
        Gateway = new GatewayClient(host.CreateClient(), GatewayClient.Secret);
    }

    public BotHostFactory Host { get; }

    public BridgeServer Bridge { get; }

    public HttpClient Admin { get; }

    public GatewayClient Gateway { get; }

    public long CampaignId { get; private set; }

    /// <summary>The preview as the bot posted it into the chat.</summary>
    public string Preview { get; private set; } = string.Empty;

    /// <summary>Settings every chat scenario needs; <paramref name="create"/> adds the storage.</summary>
    public static async Task<ChatScenario> StartAsync(Func<(string Key, string? Value)[], BotHostFactory> create, params (string Key, string? Value)[] extra)
    {
        var bridge = new BridgeServer();
        (string, string?)[] settings =
        [
            ("Gateway:Secret", GatewayClient.Secret),
            ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()),
            ("Ordering:AckDelaySeconds", "0"),
            ("Inbox:PollMilliseconds", "100"),
            ("Outbox:PollMilliseconds", "100"),
            .. extra,
        ];
        var scenario = new ChatScenario(create(settings), bridge);
        await scenario.Admin.RegisterGroupAsync(ChatId, leaderId: LeaderId);
        return scenario;
    }

    /// <summary>Creates and publishes the campaign, then waits for its preview in the chat.</summary>
    public async Task<long> PublishAsync(params object[] items)
    {
        CampaignId = await Admin.PublishCampaignAsync([ChatId], items);
        Preview = (await WaitForAsync(d => d.Text.StartsWith("【周四鲜果】开团啦", StringComparison.Ordinal))).Text;
        return CampaignId;
    }

    /// <summary>Posts a message into the chat and waits until the bot has processed it; returns its id.</summary>
    public async Task<string> SayAsync(string senderId, string senderName, string text, string? quotedMessageId = null, string? messageId = null, string chatId = ChatId, IReadOnlyList<string>? mentions = null)
    {
        messageId ??= $"m-{Interlocked.Increment(ref messages)}";
        var response = await Gateway.SendAsync(GatewayClient.Text(messageId, chatId, senderId, text, senderName, quotedMessageId, mentions));
        response.EnsureSuccessStatusCode();
        await ProcessedAsync(messageId);
        return messageId;
    }

    public async Task ProcessedAsync(string messageId)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            var status = await db.InboundMessages.AsNoTracking().Where(m => m.MessageId == messageId).Select(m => (InboundMessageStatus?)m.Status).FirstOrDefaultAsync();
            if (status is InboundMessageStatus.Processed)
            {
                return;
            }

            if (status is InboundMessageStatus.Failed)
            {
                throw new InvalidOperationException($"Message {messageId} failed.");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Message {messageId} was not processed.");
    }

    /// <summary>The first message to the chat that matches, waiting for it to arrive.</summary>
    public async Task<BridgeDelivery> WaitForAsync(Func<BridgeDelivery, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (Bridge.Deliveries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The expected message never reached the chat.");
    }

    /// <summary>Messages to the chat other than the preview, after the outbox has had time to send what was queued.</summary>
    public async Task<IReadOnlyList<BridgeDelivery>> RepliesAsync()
    {
        await OutboxDrainedAsync();
        return [.. Bridge.Deliveries.Where(d => d.Text != Preview)];
    }

    /// <summary>Waits until every queued message and acknowledgement has gone out.</summary>
    public async Task OutboxDrainedAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            // Batches first: a batch flushed between the two reads has its message in the outbox
            // by the second one (the flush writes both in one transaction), never the other way round.
            var pending = await db.Set<Conversations.Ordering.Acknowledgements.AckBatch>().AnyAsync(b => b.Status == Conversations.Ordering.Acknowledgements.AckBatchStatus.Open)
                || await db.OutboundMessages.AnyAsync(m => m.Status == Conversations.Outbox.OutboundMessageStatus.Pending);
            if (!pending)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The outbox did not drain.");
    }

    /// <summary>Each resident's order as "1:2 3:1" (empty when cancelled), by resident id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OrdersAsync() => await Admin.OrdersAsync(CampaignId);

    public async Task<JsonElement> OrderOfAsync(string residentId)
    {
        var orders = await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{CampaignId}/orders", UriKind.Relative));
        return orders.EnumerateArray().Single(o => o.GetProperty("residentId").GetString() == residentId);
    }

    public async Task<int?> StockAsync(int itemNo)
    {
        var campaign = await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{CampaignId}", UriKind.Relative));
        var stock = campaign.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemNo").GetInt32() == itemNo).GetProperty("stock");
        return stock.ValueKind == JsonValueKind.Null ? null : stock.GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Bridge.Dispose();
    }
}
