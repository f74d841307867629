using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GroupBuy.Testing;

/// <summary>
/// An OpenAI-compatible chat completions endpoint played by WireMock.Net over real HTTP: what the
/// model answers (content, status, delay) and what it was asked. Shared by the tests of every LLM use.
/// </summary>
public sealed class OpenAiServer : IDisposable
{
    public const string CompletionsPath = "/v1/chat/completions";
    public const string Model = "gpt-test-mini";

    private readonly string apiKey;
    private int arrivals;

    public OpenAiServer(string apiKey)
    {
        this.apiKey = apiKey;
        Server = WireMockServer.Start();
    }

    public WireMockServer Server { get; }

    /// <summary>The API address to configure as <c>Llm:Endpoint</c>.</summary>
    public string Endpoint => Server.Url + "/v1";

    /// <summary>
    /// The <c>Llm:*</c> settings that point the host's fallback here (none when not
    /// <paramref name="configured"/>), with <paramref name="overrides"/> on top.
    /// </summary>
    public Dictionary<string, string?> Settings(bool configured, IDictionary<string, string?>? overrides)
    {
        var settings = configured
            ? new Dictionary<string, string?> { ["Llm:Endpoint"] = Endpoint, ["Llm:ApiKey"] = apiKey, ["Llm:Model"] = Model }
            : [];
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Requests that have arrived, answered or not. WireMock logs a request only once it is answered,
    /// so a delayed answer shows up here long before it shows up in <see cref="Requests"/>.
    /// </summary>
    public int Arrivals => Volatile.Read(ref arrivals);

    /// <summary>Every request the server answered, in order.</summary>
    public IReadOnlyList<OpenAiRequest> Requests => [.. Server.LogEntries
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => new OpenAiRequest(
            e.RequestMessage.Path,
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

    /// <summary>The model's answer as JSON, from any object.</summary>
    public void AnswerWithJson(object answer) => AnswerWith(JsonSerializer.Serialize(answer));

    /// <summary>Every chat completion answers with the given status and an OpenAI-style error body (which, like some real ones, echoes the key).</summary>
    public void AnswerStatus(int status) =>
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"error":{"message":"Incorrect API key provided: {{{apiKey}}}","type":"server_error","code":null}}"""));

    /// <summary>The first chat completion answers <paramref name="status"/>, every later one with <paramref name="content"/>.</summary>
    public void AnswerStatusThen(int status, string content)
    {
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).InScenario("turns")
            .WillSetStateTo("answered")
            .RespondWith(Response.Create().WithStatusCode(status));
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).InScenario("turns").WhenStateIs("answered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(content)));
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

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }
}
