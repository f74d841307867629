using GroupBuy.Conversations.Campaigns;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using Polly.Timeout;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// Asks an OpenAI-compatible model to read an order reply the deterministic parser found unclear.
/// Off unless <c>Llm:Endpoint</c> is set. Never throws for the endpoint's sake: a failure, a slow
/// answer or an answer that does not check out all give null, and the reply stays unclear. Logs
/// carry lengths and outcomes only, never the resident's text, the model's answer or the key.
/// </summary>
public sealed class LlmReplyReader
{
    public const string HttpClientName = "GroupBuy.Llm";

    private readonly LlmSettings settings;
    private readonly IHttpClientFactory httpClients;
    private readonly TimeProvider clock;
    private readonly ILogger<LlmReplyReader> logger;

    public LlmReplyReader(LlmSettings settings, IHttpClientFactory httpClients, TimeProvider clock, ILogger<LlmReplyReader> logger)
    {
        this.settings = settings;
        this.httpClients = httpClients;
        this.clock = clock;
        this.logger = logger;
    }

    public bool IsEnabled => settings.IsEnabled;

    /// <summary>
    /// The reading of <paramref name="text"/> against the offer's <paramref name="catalog"/>, or null
    /// (unclear) when the fallback is off, the endpoint fails, or its answer does not check out.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<LlmReading?> ReadAsync(string text, IReadOnlyList<CampaignItem> catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        cancellationToken.ThrowIfCancellationRequested();
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(text) || catalog.Count == 0)
        {
            return null;
        }

        var started = clock.GetTimestamp();
        string? content;
        try
        {
            content = await AskAsync(text, catalog, cancellationToken);
        }
        catch (Exception ex)
        {
            // A cancellation by the caller goes back to the caller; anything else the endpoint or the
            // connector throws only leaves the reply unclear.
            cancellationToken.ThrowIfCancellationRequested();
            // Not the exception itself: its message can quote the endpoint's error body, and some
            // endpoints echo part of the key there.
            logger.LogWarning(
                "The LLM could not read a {Length}-character reply ({Failure}) after {Elapsed}; it stays unclear",
                text.Length, Describe(ex), clock.GetElapsedTime(started));
            return null;
        }

        var elapsed = clock.GetElapsedTime(started);
        var answer = LlmAnswer.Parse(content);
        if (answer is null)
        {
            logger.LogWarning(
                "The LLM's answer for a {Length}-character reply ({AnswerLength} characters) is not the answer schema, after {Elapsed}; it stays unclear",
                text.Length, content?.Length ?? 0, elapsed);
            return null;
        }

        var reading = answer.ToReading(catalog, out var outcome);
        if (reading is null)
        {
            // The model saying it cannot tell is expected; an answer that breaks the rules is not.
            var level = answer.Kind is LlmAnswer.None or LlmAnswer.Unclear ? LogLevel.Information : LogLevel.Warning;
            logger.Log(level, "The LLM's answer for a {Length}-character reply was not taken ({Outcome}) after {Elapsed}; it stays unclear", text.Length, outcome, elapsed);
            return null;
        }

        logger.LogInformation(
            "The LLM read a {Length}-character reply as {Edit} of {Lines} item(s) in {Elapsed}", text.Length, reading.Edit, reading.Lines.Count, elapsed);
        return reading;
    }

    private async Task<string?> AskAsync(string text, IReadOnlyList<CampaignItem> catalog, CancellationToken cancellationToken)
    {
        // A client from the factory per call: its handler (with the resilience pipeline) is pooled
        // and rotated by the factory, and the connector on top is cheap to build.
        using var http = httpClients.CreateClient(HttpClientName);

        // No logger factory on purpose: the connector logs the whole chat history, the resident's
        // text included, at Trace level.
#pragma warning disable SKEXP0010 // The custom-endpoint constructor is experimental; it is the connector's way to reach a compatible server.
        var chat = new OpenAIChatCompletionService(settings.Model!, settings.Endpoint!, settings.ApiKey, httpClient: http);
#pragma warning restore SKEXP0010

        var history = new ChatHistory(LlmPrompt.System);
        history.AddUserMessage(LlmPrompt.UserMessage(text, catalog));
        var execution = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(LlmAnswer.SchemaName, LlmAnswer.Schema, jsonSchemaIsStrict: true),
        };

        var reply = await chat.GetChatMessageContentAsync(history, execution, kernel: null, cancellationToken);
        return reply.Content;
    }

    private static string Describe(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case TimeoutRejectedException:
                    return "timed out";
                case HttpOperationException { StatusCode: { } status }:
                    return $"HTTP {(int)status}";
            }
        }

        return ex.GetType().Name;
    }
}
