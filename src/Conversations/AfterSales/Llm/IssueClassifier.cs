using GroupBuy.Conversations.Ordering.Llm;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.AfterSales.Llm;

/// <summary>
/// Asks the configured OpenAI-compatible model (the one <see cref="LlmReplyReader"/> asks, through
/// the same HttpClient, retry and timeouts) whether a resident's message is an after-sales complaint
/// and of which <see cref="IssueType"/>. Off unless <c>Llm:Endpoint</c> is set. Never throws for the
/// endpoint's sake: a failure, a slow answer or an answer that does not check out all give null, and
/// the intake asks the numbered question instead. Logs carry lengths and outcomes only, never the
/// resident's text, the model's answer or the key.
/// </summary>
public sealed class IssueClassifier
{
    private readonly LlmSettings settings;
    private readonly IHttpClientFactory httpClients;
    private readonly TimeProvider clock;
    private readonly ILogger<IssueClassifier> logger;

    public IssueClassifier(LlmSettings settings, IHttpClientFactory httpClients, TimeProvider clock, ILogger<IssueClassifier> logger)
    {
        this.settings = settings;
        this.httpClients = httpClients;
        this.clock = clock;
        this.logger = logger;
    }

    public bool IsEnabled => settings.IsEnabled;

    /// <summary>
    /// The classification of <paramref name="text"/>, or null (ask the resident) when the model is
    /// off, the text is blank, the endpoint fails or is too slow, or its answer does not check out.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<IssueClassification?> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var started = clock.GetTimestamp();
        string? content;
        try
        {
            content = await LlmChat.AskAsync(
                httpClients, settings, IssuePrompt.System, IssuePrompt.UserMessage(text), IssueAnswer.SchemaName, IssueAnswer.Schema, cancellationToken);
        }
        catch (Exception ex)
        {
            // A cancellation by the caller goes back to the caller; anything else the endpoint or the
            // connector throws only means the resident is asked instead.
            cancellationToken.ThrowIfCancellationRequested();
            logger.LogWarning(
                "The LLM could not classify a {Length}-character message ({Failure}) after {Elapsed}; the resident is asked",
                text.Length, LlmChat.Describe(ex), clock.GetElapsedTime(started));
            return null;
        }

        var elapsed = clock.GetElapsedTime(started);
        var answer = IssueAnswer.Parse(content);
        if (answer is null)
        {
            logger.LogWarning(
                "The LLM's answer for a {Length}-character message ({AnswerLength} characters) is not the answer schema, after {Elapsed}; the resident is asked",
                text.Length, content?.Length ?? 0, elapsed);
            return null;
        }

        var classification = answer.ToClassification(out var outcome);
        if (classification is null)
        {
            logger.LogWarning(
                "The LLM's answer for a {Length}-character message was not taken ({Outcome}) after {Elapsed}; the resident is asked",
                text.Length, outcome, elapsed);
            return null;
        }

        logger.LogInformation(
            "The LLM classified a {Length}-character message as complaint={IsComplaint}, type={Type} in {Elapsed}",
            text.Length, classification.IsComplaint, classification.Type?.ToString() ?? "unclear", elapsed);
        return classification;
    }
}
