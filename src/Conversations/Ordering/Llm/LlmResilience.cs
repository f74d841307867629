using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// The resilience pipeline of the LLM HttpClient. Semantic Kernel turns off the OpenAI client's own
/// retries and timeout when it is handed an HttpClient, so they live here: each attempt gets
/// <see cref="LlmSettings.Timeout"/>, and one transient failure (5xx, 408, a connection failure, an
/// attempt timeout) is tried once more after a short pause. Asking again is harmless (a reading
/// changes nothing), but the resident is waiting and the chat's later messages queue behind this
/// one, so there is no second retry, and no waiting out a 429's Retry-After.
/// </summary>
internal static class LlmResilience
{
    public const string PipelineName = "llm";
    public const int MaxRetryAttempts = 1;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(300);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, LlmSettings settings)
    {
        // Attempts time out in real seconds: the endpoint is slow on the wall clock, whatever the
        // host's business clock says (which tests and replays set to another day, or stop).
        builder.TimeProvider = TimeProvider.System;
        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Constant,
                Delay = RetryDelay,
                UseJitter = false,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
            })
            .AddTimeout(settings.Timeout);
    }

    /// <summary>A rate limit (429) is not waited out: the reply stays unclear and is asked about instead.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests;

    /// <summary>The whole budget of one reading: every attempt timed out, plus the pause between them.</summary>
    public static TimeSpan Budget(LlmSettings settings) => (settings.Timeout * (MaxRetryAttempts + 1)) + RetryDelay;
}
