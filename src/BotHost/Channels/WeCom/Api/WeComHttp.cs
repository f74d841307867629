using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// Sends one request to WeCom through the resilient "WeCom" HttpClient and turns whatever comes back
/// into a <see cref="WeComReply"/> or a <see cref="WeComException"/>. Request URIs carry the access
/// token or the robot key in their query, so they are never logged or put into a message: callers
/// pass a logical API name (<c>message/send</c>) for that.
/// </summary>
internal sealed class WeComHttp
{
    public const string ClientName = "WeCom";

    /// <summary>Set on requests that may be repeated after an ambiguous failure (see <see cref="WeComResilience"/>).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("GroupBuy.WeCom.RetrySafe");

    // WeCom refuses \uXXXX escapes in some fields (errcode 40033) and its duplicate check compares
    // the JSON as sent, so Chinese text goes out as plain UTF-8.
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IHttpClientFactory clients;
    private readonly TimeProvider clock;
    private readonly ILogger<WeComHttp> logger;

    public WeComHttp(IHttpClientFactory clients, TimeProvider clock, ILogger<WeComHttp> logger)
    {
        this.clients = clients;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>The body exactly as it goes on the wire.</summary>
    public static string Serialize(JsonObject body) => body.ToJsonString(BodyOptions);

    public Task<WeComReply> GetAsync(string api, string pathAndQuery, CancellationToken cancellationToken)
    {
        // GETs change nothing at WeCom: always safe to repeat.
        return SendAsync(api, () => new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative)), retrySafe: true, cancellationToken);
    }

    public Task<WeComReply> PostAsync(string api, string pathAndQuery, string json, bool retrySafe, CancellationToken cancellationToken)
    {
        return SendAsync(
            api,
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(pathAndQuery, UriKind.Relative))
            {
                Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
            },
            retrySafe,
            cancellationToken);
    }

    /// <summary>Throws the exception a non-zero errcode stands for, after logging it (errcode and errmsg only).</summary>
    public void EnsureOk(string api, WeComReply reply)
    {
        if (reply.IsOk)
        {
            return;
        }

        var exception = WeComErrorCodes.ToException(api, reply.ErrorCode, reply.ErrorMessage);
        var level = exception is WeComConfigurationException ? LogLevel.Error : LogLevel.Warning;
        logger.Log(level, "WeCom {Api} answered errcode {ErrorCode}: {ErrorMessage}", api, reply.ErrorCode, reply.ErrorMessage);
        throw exception;
    }

    private async Task<WeComReply> SendAsync(string api, Func<HttpRequestMessage> createRequest, bool retrySafe, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        using var request = createRequest();
        request.Options.Set(RetrySafe, retrySafe);

        HttpResponseMessage response;
        var started = clock.GetTimestamp();
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            logger.LogDebug("WeCom {Api} answered HTTP {Status} after {Elapsed}", api, (int)response.StatusCode, clock.GetElapsedTime(started));
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            var delivered = !WeComResilience.NeverLeft(ex);
            // The exception's own text can quote the request URI on some platforms; log its type only.
            logger.LogWarning("WeCom {Api} could not be reached ({Failure}); the request {Delivery}", api, ex.GetType().Name, delivered ? "may have reached WeCom" : "never left this server");
            throw new WeComTransientException(api, $"WeCom {api} could not be reached ({ex.GetType().Name}).", delivered);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw StatusFailure(api, response.StatusCode, retrySafe);
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var reply = WeComReply.TryParse(text);
            if (reply is null)
            {
                logger.LogWarning("WeCom {Api} answered HTTP {Status} with a body that is not WeCom's JSON", api, (int)response.StatusCode);
                throw new WeComTransientException(api, $"WeCom {api} answered with a body that is not WeCom's JSON.", mayHaveBeenDelivered: true, response.StatusCode);
            }

            return reply;
        }
    }

    private WeComException StatusFailure(string api, HttpStatusCode status, bool retrySafe)
    {
        var code = (int)status;
        if (code >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            logger.LogWarning("WeCom {Api} answered HTTP {Status}{Retried}", api, code, retrySafe ? " after retries" : " (not retried: a resend could deliver twice)");
            return new WeComTransientException(api, $"WeCom {api} answered HTTP {code}.", mayHaveBeenDelivered: true, status);
        }

        // WeCom answers 200 even for its own errors; any other status means the base URL does not
        // point at WeCom's API (or at a proxy that refuses us).
        logger.LogError("WeCom {Api} answered HTTP {Status}; {Key} may not point at WeCom's API", api, code, WeComOptions.ApiBaseUrlKey);
        return new WeComConfigurationException(
            $"WeCom {api} answered HTTP {code}, which WeCom's API never does. Check {WeComOptions.ApiBaseUrlKey} (default {WeComOptions.DefaultApiBaseUrl}).",
            WeComOptions.ApiBaseUrlKey,
            errorCode: null);
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
