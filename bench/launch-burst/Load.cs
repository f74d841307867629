using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GroupBuy.LaunchBurst;

/// <summary>Webhooks sent with a fixed number in flight, each timed on its own.</summary>
internal sealed class Load : IDisposable
{
    private readonly HttpClient http;

    public Load(int inFlight)
    {
        InFlight = inFlight;
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = inFlight,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public int InFlight { get; }

    /// <summary>
    /// Posts every webhook to <c>/webhooks/gateway</c> of the hosts in turn (round-robin), signed
    /// with <paramref name="secret"/>, <see cref="InFlight"/> at a time.
    /// </summary>
    public async Task<Sent[]> SendAsync(IReadOnlyList<Uri> hosts, IReadOnlyList<Webhook> webhooks, string secret, CancellationToken cancellationToken)
    {
        var results = new Sent[webhooks.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, webhooks.Count), options, async (i, token) =>
        {
            var webhook = webhooks[i];
            var (timestamp, signature) = BridgeSignature.Sign(secret, webhook.Body);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hosts[i % hosts.Count], "/webhooks/gateway"))
            {
                Content = new ByteArrayContent(webhook.Body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(BridgeSignature.TimestampHeader, timestamp);
            request.Headers.Add(BridgeSignature.SignatureHeader, signature);

            var started = RunClock.Now;
            var watch = Stopwatch.StartNew();
            int status;
            try
            {
                using var response = await http.SendAsync(request, token);
                await response.Content.ReadAsByteArrayAsync(token);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }
            catch (TaskCanceledException) when (!token.IsCancellationRequested)
            {
                status = -1;
            }

            results[i] = new Sent(webhook, status, started, RunClock.Now, watch.Elapsed.TotalMilliseconds);
        });

        return results;
    }

    public void Dispose() => http.Dispose();

    /// <summary>A webhook body ready to sign, with who said it where.</summary>
    internal sealed record Webhook(string MessageId, string ChatId, string SenderId, byte[] Body)
    {
        public static Webhook Text(string messageId, string chatId, string senderId, string senderName, string text) =>
            new(messageId, chatId, senderId, JsonSerializer.SerializeToUtf8Bytes(new
            {
                messageId,
                chatId,
                senderId,
                senderName,
                type = "text",
                text,
                sentAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)),
                imageUrl = (string?)null,
                quotedMessageId = (string?)null,
                mentions = Array.Empty<string>(),
            }));
    }

    /// <summary>One request's outcome: status (0 no connection, -1 timed out), when it left and was answered, and how long it took.</summary>
    internal sealed record Sent(Webhook Webhook, int Status, TimeSpan StartedAt, TimeSpan AnsweredAt, double Milliseconds);
}

/// <summary>The admin API (<c>Authorization: Bearer &lt;Admin:ApiKey&gt;</c>) for setting up groups and campaigns.</summary>
internal sealed class AdminApi : IDisposable
{
    private readonly HttpClient http;

    public AdminApi(Uri host, string apiKey)
    {
        http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = body is null
            ? await http.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken)
            : await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Registers a gateway group per chat and publishes one single-item campaign in each, with ample stock.</summary>
    public async Task<IReadOnlyList<long>> SetUpChatsAsync(IReadOnlyList<string> chatIds, bool publish, CancellationToken cancellationToken)
    {
        var campaigns = new List<long>();
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        for (var i = 0; i < chatIds.Count; i++)
        {
            await PostAsync("/api/groups", new
            {
                chatId = chatIds[i],
                channel = "gateway",
                name = $"压测{i + 1}栋团购群",
                community = "压测花园",
                leaderId = $"{chatIds[i]}-leader",
                leaderName = $"团长{i + 1}",
            }, cancellationToken);
            var campaign = await PostAsync("/api/campaigns", new
            {
                title = $"晚八点秒杀 {i + 1}",
                chatIds = new[] { chatIds[i] },
                closesAt = now.AddDays(1),
                pickupAt = now.AddDays(2),
                pickupPoint = "小区东门快递柜旁",
                items = new[]
                {
                    new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 9.9m, referencePrice = 15.8m, category = "生鲜", stock = (int?)1_000_000 },
                },
            }, cancellationToken);
            var id = campaign.GetProperty("id").GetInt64();
            campaigns.Add(id);
            if (publish)
            {
                await PostAsync($"/api/campaigns/{id}/publish", null, cancellationToken);
            }
        }

        return campaigns;
    }

    /// <summary>Fails unless "+1" in this chat reads as an order of one of item 1 that is taken now.</summary>
    public async Task CheckPlusOneAsync(long campaignId, string chatId, CancellationToken cancellationToken)
    {
        var reading = await PostAsync($"/api/campaigns/{campaignId}/parse", new { text = "+1", senderName = "居民", chatId }, cancellationToken);
        var lines = reading.GetProperty("lines");
        if (reading.GetProperty("kind").GetString() != "order" || !reading.GetProperty("takingOrders").GetBoolean()
            || lines.GetArrayLength() != 1 || lines[0].GetProperty("itemNo").GetInt32() != 1 || lines[0].GetProperty("quantity").GetInt32() != 1)
        {
            throw new InvalidOperationException($"\"+1\" is not read as one of item 1 taken now, so the burst would measure something else: {reading}");
        }
    }

    public void Dispose() => http.Dispose();
}
