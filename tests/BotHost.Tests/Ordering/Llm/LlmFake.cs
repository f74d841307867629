using System.Text.Json;
using GroupBuy.BotHost.Tests.Channels.WeCom.Api;
using GroupBuy.Conversations;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GroupBuy.BotHost.Tests.Ordering.Llm;

/// <summary>
/// An OpenAI-compatible server played by WireMock over real HTTP, and the fallback composed exactly
/// as the host composes it (<c>AddLlmFallback</c>) on the system clock, with captured logs.
/// </summary>
internal sealed class LlmFake : IAsyncDisposable
{
    public const string ApiKey = "sk-test-LLM-KEY-7d3f0b9e";
    public const string Model = "gpt-test-mini";
    public const string CompletionsPath = "/v1/chat/completions";

    private readonly ServiceProvider services;
    private int arrivals;

    public LlmFake(IDictionary<string, string?>? settings = null, bool configured = true, bool withConversations = false)
    {
        Server = WireMockServer.Start();
        var configuration = configured
            ? new Dictionary<string, string?>
            {
                ["Llm:Endpoint"] = Server.Url + "/v1",
                ["Llm:ApiKey"] = ApiKey,
                ["Llm:Model"] = Model,
            }
            : [];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (withConversations)
        {
            // As the host composes it: AddConversations registers the fallback too.
            collection.AddConversations();
        }

        collection.AddLlmFallback();
        services = collection.BuildServiceProvider();
    }

    public WireMockServer Server { get; }

    public CapturedLogs Logs { get; } = new();

    public LlmReplyReader Reader => services.GetRequiredService<LlmReplyReader>();

    /// <summary>The offer residents reply to: 1 苹果 (红富士), 2 香蕉, 3 纯牛奶 (奶, 牛奶).</summary>
    public static IReadOnlyList<CampaignItem> Catalog { get; } = CreateCatalog();

    /// <summary>
    /// Requests that have arrived, answered or not. WireMock logs a request only once it is answered,
    /// so a delayed answer shows up here long before it shows up in <see cref="Requests"/>.
    /// </summary>
    public int Arrivals => Volatile.Read(ref arrivals);

    /// <summary>Every chat completion answers 200 with <paramref name="content"/> as the model's message.</summary>
    public void AnswerWith(string content, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(content));
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost().WithBody((string? _) => Interlocked.Increment(ref arrivals) > 0))
            .RespondWith(response);
    }

    /// <summary>The model's answer as JSON, from any object.</summary>
    public void AnswerWithJson(object answer) => AnswerWith(JsonSerializer.Serialize(answer));

    /// <summary>Every chat completion answers with the given status and an OpenAI-style error body.</summary>
    public void AnswerStatus(int status) =>
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"error":{"message":"Incorrect API key provided: {{{ApiKey}}}","type":"server_error","code":null}}"""));

    /// <summary>The first chat completion answers <paramref name="status"/>, every later one with <paramref name="content"/>.</summary>
    public void AnswerStatusThen(int status, string content)
    {
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).InScenario("turns")
            .WillSetStateTo("answered")
            .RespondWith(Response.Create().WithStatusCode(status));
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).InScenario("turns").WhenStateIs("answered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(content)));
    }

    /// <summary>Every request the server received, in order.</summary>
    public IReadOnlyList<LlmRequest> Requests => [.. Server.LogEntries
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => new LlmRequest(
            e.RequestMessage.Path,
            e.RequestMessage.Body ?? string.Empty,
            e.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()))];

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>An OpenAI chat completion whose only choice carries <paramref name="content"/>.</summary>
    public static string Completion(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test-1",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = Model,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new { role = "assistant", content, refusal = (string?)null },
                logprobs = (object?)null,
                finish_reason = "stop",
            },
        },
        usage = new { prompt_tokens = 120, completion_tokens = 20, total_tokens = 140 },
    });

    private static List<CampaignItem> CreateCatalog()
    {
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var campaign = new Campaign("周四鲜果", now.AddDays(1), now.AddDays(2), "3栋大堂", now);
        campaign.AddItem("苹果", ["红富士"], 12.8m, 15m, "生鲜", stock: 10);
        campaign.AddItem("香蕉", [], 6m, 7m, "生鲜", stock: null);
        campaign.AddItem("纯牛奶", ["奶", "牛奶"], 39m, 45m, "乳品", stock: null);
        return [.. campaign.Items];
    }
}

/// <summary>One request as the server saw it.</summary>
internal sealed record LlmRequest(string Path, string Body, string? Authorization)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
