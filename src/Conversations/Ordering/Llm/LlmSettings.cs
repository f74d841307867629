using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// The OpenAI-compatible endpoint that reads order replies the parser found unclear and classifies
/// after-sales complaints:
/// <c>Llm:Endpoint</c> (e.g. <c>https://api.example.com/v1</c>; unset turns the fallback off),
/// <c>Llm:ApiKey</c> (sent as a bearer token; optional for servers that take none),
/// <c>Llm:Model</c> (required with an endpoint) and <c>Llm:TimeoutSeconds</c> (per attempt, default 8).
/// </summary>
public sealed record LlmSettings(Uri? Endpoint, string? ApiKey, string? Model, TimeSpan Timeout)
{
    public const string EndpointKey = "Llm:Endpoint";
    public const string ApiKeyKey = "Llm:ApiKey";
    public const string ModelKey = "Llm:Model";
    public const string TimeoutSecondsKey = "Llm:TimeoutSeconds";
    public const int DefaultTimeoutSeconds = 8;

    public static LlmSettings Off { get; } = new(null, null, null, TimeSpan.FromSeconds(DefaultTimeoutSeconds));

    public bool IsEnabled => Endpoint is not null;

    public static LlmSettings FromConfiguration(IConfiguration configuration)
    {
        var timeout = TimeSpan.FromSeconds(InboxSettings.Read(configuration, TimeoutSecondsKey, DefaultTimeoutSeconds, 1, 120));
        var text = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Off with { Timeout = timeout };
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidSettingException($"{EndpointKey} is '{text}'; use the absolute http(s) address of an OpenAI-compatible API, such as https://api.example.com/v1.");
        }

        if (!string.IsNullOrEmpty(endpoint.UserInfo) || !string.IsNullOrEmpty(endpoint.Query))
        {
            // Credentials belong in Llm:ApiKey, where they are sent as a header and never logged.
            throw new InvalidSettingException($"{EndpointKey} carries credentials or a query; give the bare API address and put the key in {ApiKeyKey}.");
        }

        var model = configuration[ModelKey];
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new InvalidSettingException($"{ModelKey} is not set; with {EndpointKey} set, name the model to ask (e.g. gpt-4o-mini).");
        }

        var apiKey = configuration[ApiKeyKey];
        return new LlmSettings(endpoint, string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim(), model.Trim(), timeout);
    }

    // The record's generated ToString would print the key into any log line or exception that
    // shows the settings.
    public override string ToString() =>
        $"LlmSettings {{ Endpoint = {Endpoint}, Model = {Model}, ApiKey = {(ApiKey is null ? "unset" : "set")}, Timeout = {Timeout} }}";
}
