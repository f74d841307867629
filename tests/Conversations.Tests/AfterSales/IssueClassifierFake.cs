using System.Text.Json;
using GroupBuy.Conversations.AfterSales.Llm;
using GroupBuy.Conversations.Ordering.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>
/// An OpenAI-compatible server played by WireMock over real HTTP, and the classifier composed exactly
/// as the host composes it (<c>AddLlmFallback</c>) on the system clock.
/// </summary>
internal sealed class IssueClassifierFake : IAsyncDisposable
{
    public const string ApiKey = "sk-test-LLM-KEY-4a1c9e22";
    public const string Model = "gpt-test-mini";
    public const string CompletionsPath = "/v1/chat/completions";

    private readonly ServiceProvider services;
    private int arrivals;

    public IssueClassifierFake(IDictionary<string, string?>? settings = null, bool configured = true, bool registerTwice = false)
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
        collection.AddLogging();
        collection.AddLlmFallback();
        if (registerTwice)
        {
            collection.AddLlmFallback();
        }

        services = collection.BuildServiceProvider();
    }

    public WireMockServer Server { get; }

    public IssueClassifier Classifier => services.GetRequiredService<IssueClassifier>();

    /// <summary>
    /// Requests that have arrived, answered or not: WireMock logs a request only once it is answered,
    /// so a delayed answer shows up here long before it shows up in <see cref="Requests"/>.
    /// </summary>
    public int Arrivals => Volatile.Read(ref arrivals);

    /// <summary>Every request the server answered, in order.</summary>
    public IReadOnlyList<Received> Requests => [.. Server.LogEntries
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => new Received(
            e.RequestMessage.Body ?? string.Empty,
            e.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()))];

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

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>An OpenAI chat completion whose only choice carries <paramref name="content"/>.</summary>
    private static string Completion(string content) => JsonSerializer.Serialize(new
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
        usage = new { prompt_tokens = 90, completion_tokens = 10, total_tokens = 100 },
    });

    /// <summary>One request as the server saw it.</summary>
    internal sealed record Received(string Body, string? Authorization)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The messages' roles and texts (a content may come as a string or as text parts).</summary>
        public IReadOnlyList<(string Role, string Content)> Messages => [.. Json.GetProperty("messages").EnumerateArray().Select(m =>
        {
            var content = m.GetProperty("content");
            var text = content.ValueKind == JsonValueKind.String
                ? content.GetString()!
                : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
            return (m.GetProperty("role").GetString()!, text);
        })];
    }
}
