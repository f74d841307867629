using GroupBuy.Conversations.Campaigns;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// Asks an OpenAI-compatible model to read an order reply the deterministic parser found unclear.
/// Off unless <c>Llm:Endpoint</c> is set. Never throws for the endpoint's sake: a failure, a slow
/// answer or an answer that does not check out all give null, and the reply stays unclear. Logs
/// carry lengths and outcomes only, never the resident's text, the model's answer or the key.
/// </summary>
public sealed class LlmReplyReader
{
    public const string HttpClientName = LlmChat.HttpClientName;

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
            content = await LlmChat.AskAsync(
                httpClients, settings, LlmPrompt.System, LlmPrompt.UserMessage(text, catalog), LlmAnswer.SchemaName, LlmAnswer.Schema, cancellationToken);
        }
        catch (Exception ex)
        {
            // A cancellation by the caller goes back to the caller; anything else the endpoint or the
            // connector throws only leaves the reply unclear.
            cancellationToken.ThrowIfCancellationRequested();
            logger.LogWarning(
                "The LLM could not read a {Length}-character reply ({Failure}) after {Elapsed}; it stays unclear",
                text.Length, LlmChat.Describe(ex), clock.GetElapsedTime(started));
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
}
