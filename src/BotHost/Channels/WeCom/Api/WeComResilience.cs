using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// The resilience pipeline of the "WeCom" HttpClient: a 30-second budget per call, up to three
/// retries of transient failures (5xx, 408, 429, connection failures, a 10-second attempt timeout)
/// with exponential back-off from 0.5 s, jittered and capped at 5 s, so a pod restart or a brief WeCom hiccup is absorbed here.
/// </summary>
/// <remarks>
/// Which requests may be repeated after an <em>ambiguous</em> failure (a 5xx or a timeout, after
/// which WeCom may already have delivered the message):
/// <list type="bullet">
/// <item>gettoken is a GET and changes nothing: always.</item>
/// <item>message/send: yes, because every call sets <c>enable_duplicate_check: 1</c>. WeCom then drops
/// a request whose JSON equals one it took within <c>duplicate_check_interval</c> (1800 s by default),
/// and the resend is the same JSON seconds later, so a message that did get through is not shown twice.</item>
/// <item>appchat/send, the group robot's webhook/send and externalcontact/add_msg_template have no
/// duplicate check: a resend after a 5xx or timeout can post the offer twice into a residents'
/// group (or create a second 群发 task for the leader to confirm, spending the group's quota).
/// These are retried only when the request provably never left this server (DNS, connect or TLS
/// failure); otherwise the failure goes back to the outbox as
/// <see cref="WeComTransientException.MayHaveBeenDelivered"/> for it to decide.</item>
/// </list>
/// Error codes in a 200 answer (rate limits, stale tokens) are not handled here but by the client,
/// which knows what each means.
/// </remarks>
internal static class WeComResilience
{
    public const string PipelineName = "wecom";
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public const int MaxRetryAttempts = 3;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstRetryDelay,
                MaxDelay = MaxRetryDelay,
                // WeCom sends no Retry-After; a proxy's would not reflect WeCom's windows either.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            })
            .AddTimeout(AttemptTimeout);
    }

    /// <summary>Retry a transient failure if repeating the request cannot deliver a message twice.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        if (outcome.Exception is { } exception && NeverLeft(exception))
        {
            return true;
        }

        return request is not null && request.Options.TryGetValue(WeComHttp.RetrySafe, out var safe) && safe;
    }

    /// <summary>The failure happened before any byte of the request could reach WeCom.</summary>
    public static bool NeverLeft(Exception exception) =>
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
        };
}
