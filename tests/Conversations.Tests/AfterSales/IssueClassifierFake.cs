using GroupBuy.Conversations.AfterSales.Llm;
using GroupBuy.Conversations.Ordering.Llm;
using Microsoft.Extensions.Configuration;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>
/// The classifier composed exactly as the host composes it (<c>AddLlmFallback</c>), asking an
/// <see cref="OpenAiServer"/> over real HTTP.
/// </summary>
internal sealed class IssueClassifierFake : IAsyncDisposable
{
    public const string ApiKey = "sk-test-LLM-KEY-4a1c9e22";
    public const string Model = OpenAiServer.Model;
    public const string CompletionsPath = OpenAiServer.CompletionsPath;

    private readonly OpenAiServer openAi = new(ApiKey);
    private readonly ServiceProvider services;

    public IssueClassifierFake(IDictionary<string, string?>? settings = null, bool configured = true, bool registerTwice = false)
    {
        var configuration = openAi.Settings(configured, settings);
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        collection.AddLogging();
        collection.AddLlmFallback();
        if (registerTwice)
        {
            collection.AddLlmFallback();
        }

        services = collection.BuildServiceProvider();
    }

    public WireMockServer Server => openAi.Server;

    public IssueClassifier Classifier => services.GetRequiredService<IssueClassifier>();

    /// <inheritdoc cref="OpenAiServer.Arrivals"/>
    public int Arrivals => openAi.Arrivals;

    public IReadOnlyList<OpenAiRequest> Requests => openAi.Requests;

    public void AnswerWith(string content, TimeSpan? delay = null) => openAi.AnswerWith(content, delay);

    public void AnswerStatus(int status) => openAi.AnswerStatus(status);

    public void AnswerStatusThen(int status, string content) => openAi.AnswerStatusThen(status, content);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        openAi.Dispose();
    }
}
