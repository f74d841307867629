using GroupBuy.BotHost.Tests.Channels.WeCom.Api;
using GroupBuy.Conversations;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering.Llm;
using GroupBuy.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.Server;

namespace GroupBuy.BotHost.Tests.Ordering.Llm;

/// <summary>
/// An OpenAI-compatible server played by WireMock over real HTTP, and the fallback composed exactly
/// as the host composes it (<c>AddLlmFallback</c>) on the system clock, with captured logs.
/// </summary>
internal sealed class LlmFake : IAsyncDisposable
{
    public const string ApiKey = "sk-test-LLM-KEY-7d3f0b9e";
    public const string Model = OpenAiServer.Model;
    public const string CompletionsPath = OpenAiServer.CompletionsPath;

    private readonly OpenAiServer openAi = new(ApiKey);
    private readonly ServiceProvider services;

    public LlmFake(IDictionary<string, string?>? settings = null, bool configured = true, bool withConversations = false)
    {
        var configuration = openAi.Settings(configured, settings);
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

    public WireMockServer Server => openAi.Server;

    public string Endpoint => openAi.Endpoint;

    public CapturedLogs Logs { get; } = new();

    public LlmReplyReader Reader => services.GetRequiredService<LlmReplyReader>();

    /// <summary>The offer residents reply to: 1 苹果 (红富士), 2 香蕉, 3 纯牛奶 (奶, 牛奶).</summary>
    public static IReadOnlyList<CampaignItem> Catalog { get; } = CreateCatalog();

    /// <inheritdoc cref="OpenAiServer.Arrivals"/>
    public int Arrivals => openAi.Arrivals;

    public IReadOnlyList<OpenAiRequest> Requests => openAi.Requests;

    public void AnswerWith(string content, TimeSpan? delay = null) => openAi.AnswerWith(content, delay);

    public void AnswerWithJson(object answer) => openAi.AnswerWithJson(answer);

    public void AnswerStatus(int status) => openAi.AnswerStatus(status);

    public void AnswerStatusThen(int status, string content) => openAi.AnswerStatusThen(status, content);

    public static string Completion(string content) => OpenAiServer.Completion(content);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        openAi.Dispose();
    }

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
