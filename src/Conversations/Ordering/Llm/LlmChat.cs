using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using Polly.Timeout;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// One question to the configured OpenAI-compatible model, shared by everything that asks it: the
/// named HttpClient (so every asker gets the same <see cref="LlmResilience"/> pipeline and timeouts),
/// the rules as the system message, the data as the user message, and a strict JSON-schema answer.
/// </summary>
internal static class LlmChat
{
    public const string HttpClientName = "GroupBuy.Llm";

    /// <summary>The model's answer text (not yet checked); throws whatever the endpoint or the connector throws.</summary>
    public static async Task<string?> AskAsync(
        IHttpClientFactory httpClients,
        LlmSettings settings,
        string system,
        string user,
        string schemaName,
        BinaryData schema,
        CancellationToken cancellationToken)
    {
        // A client from the factory per call: its handler (with the resilience pipeline) is pooled
        // and rotated by the factory, and the connector on top is cheap to build.
        using var http = httpClients.CreateClient(HttpClientName);

        // No logger factory on purpose: the connector logs the whole chat history, the resident's
        // text included, at Trace level.
#pragma warning disable SKEXP0010 // The custom-endpoint constructor is experimental; it is the connector's way to reach a compatible server.
        var chat = new OpenAIChatCompletionService(settings.Model!, settings.Endpoint!, settings.ApiKey, httpClient: http);
#pragma warning restore SKEXP0010

        var history = new ChatHistory(system);
        history.AddUserMessage(user);
        var execution = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(schemaName, schema, jsonSchemaIsStrict: true),
        };

        var reply = await chat.GetChatMessageContentAsync(history, execution, kernel: null, cancellationToken);
        return reply.Content;
    }

    /// <summary>
    /// A failure in a few words that are safe to log. Not the exception itself: its message can quote
    /// the endpoint's error body, and some endpoints echo part of the key there.
    /// </summary>
    public static string Describe(Exception ex)
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
