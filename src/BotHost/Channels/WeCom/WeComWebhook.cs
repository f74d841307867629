using System.Globalization;
using System.Text;
using GroupBuy.BotHost.Channels.WeCom.Api;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// WeCom's callbacks: <c>/webhooks/wecom</c> for the application (URL verification, members'
/// messages to the app, customer-group events) and <c>/webhooks/wecom/robot</c> for the intelligent
/// group robot (@-mentions in groups). Every request is signature-checked before it is decrypted,
/// stored before it is answered, and processed afterwards from the stored row.
/// </summary>
internal static class WeComWebhook
{
    private const int MaxBodyBytes = 256 * 1024;
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromSeconds(300);

    public static IEndpointRouteBuilder MapWeComWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/webhooks/wecom", (HttpContext context, IOptions<WeComOptions> options, TimeProvider clock) =>
            VerifyUrl(context, ApplicationCrypto(options.Value), clock)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/webhooks/wecom", ReceiveApplicationAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet("/webhooks/wecom/robot", (HttpContext context, IOptions<WeComRobotOptions> options, TimeProvider clock) =>
            VerifyUrl(context, RobotCrypto(options.Value), clock)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/webhooks/wecom/robot", ReceiveRobotAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static WeComCallbackCrypto? ApplicationCrypto(WeComOptions options) =>
        string.IsNullOrWhiteSpace(options.CorpId) || string.IsNullOrWhiteSpace(options.Token) || string.IsNullOrWhiteSpace(options.EncodingAesKey)
            ? null
            : new WeComCallbackCrypto(options.Token, options.EncodingAesKey, options.CorpId);

    // The robot's callbacks carry no CorpID: its receive id is the empty string.
    private static WeComCallbackCrypto? RobotCrypto(WeComRobotOptions options) =>
        options.IsConfigured ? new WeComCallbackCrypto(options.Token!, options.EncodingAesKey!, string.Empty) : null;

    /// <summary>URL verification: prove we hold the key by answering the decrypted echostr as plain text.</summary>
    private static IResult VerifyUrl(HttpContext context, WeComCallbackCrypto? crypto, TimeProvider clock)
    {
        if (crypto is null)
        {
            return NotConfigured();
        }

        var query = context.Request.Query;
        var echo = query["echostr"].ToString();
        if (Refuse(query, echo, crypto, clock) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return Results.Text(crypto.Decrypt(echo), "text/plain", Encoding.UTF8);
        }
        catch (WeComCryptoException ex)
        {
            return BadRequest("echostr", ex.Message);
        }
    }

    private static Task<IResult> ReceiveApplicationAsync(HttpContext context, IOptions<WeComOptions> options, MessageInbox inbox, TimeProvider clock, ILogger<WeComCallbackMessage> logger) =>
        ReceiveAsync(
            context, ApplicationCrypto(options.Value), inbox, clock, logger,
            body => WeComEnvelope.Parse(body).Encrypt, "Encrypt",
            WeComCallbackMessage.Parse, WeComInbound.FromApplication, message => message.MsgType);

    private static Task<IResult> ReceiveRobotAsync(HttpContext context, IOptions<WeComRobotOptions> options, MessageInbox inbox, TimeProvider clock, ILogger<WeComRobotCallback> logger) =>
        ReceiveAsync(
            context, RobotCrypto(options.Value), inbox, clock, logger,
            body => WeComRobotEnvelope.Parse(body).Encrypt, "encrypt",
            WeComRobotCallback.Parse, WeComInbound.FromRobot, message => message.MsgType);

    /// <summary>
    /// The one path of every WeCom callback: read the envelope, check the signature over its
    /// ciphertext, decrypt, parse, store, answer. Types the bot does not take are answered and dropped.
    /// </summary>
    private static async Task<IResult> ReceiveAsync<TMessage>(
        HttpContext context,
        WeComCallbackCrypto? crypto,
        MessageInbox inbox,
        TimeProvider clock,
        ILogger logger,
        Func<string, string> readEncrypted,
        string encryptedField,
        Func<string, TMessage> parse,
        Func<TMessage, DateTimeOffset, InboundMessage?> toInbound,
        Func<TMessage, string> typeOf)
    {
        if (crypto is null)
        {
            return NotConfigured();
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }

        string encrypted;
        try
        {
            encrypted = readEncrypted(body);
        }
        catch (FormatException ex)
        {
            return BadRequest("body", ex.Message);
        }

        if (Refuse(context.Request.Query, encrypted, crypto, clock) is { } refusal)
        {
            return refusal;
        }

        TMessage message;
        try
        {
            message = parse(crypto.Decrypt(encrypted));
        }
        catch (Exception ex) when (ex is WeComCryptoException or FormatException)
        {
            return BadRequest(encryptedField, ex.Message);
        }

        var inbound = toInbound(message, clock.GetUtcNow());
        if (inbound is null)
        {
            logger.LogInformation("Ignored a WeCom {MsgType} callback: the bot does not take this type", typeOf(message));
        }
        else
        {
            await inbox.AcceptAsync(inbound, context.RequestAborted);
        }

        // An empty 200 tells WeCom the callback was taken and that no passive reply follows:
        // replies go out through the outbox, where they are retried and rate-limited.
        return Results.Text(string.Empty, "text/plain");
    }

    /// <summary>401 for a forged or stale request, 400 for missing query parameters; null when it may go on.</summary>
    private static IResult? Refuse(IQueryCollection query, string encrypted, WeComCallbackCrypto crypto, TimeProvider clock)
    {
        var signature = query["msg_signature"].ToString();
        var timestamp = query["timestamp"].ToString();
        var nonce = query["nonce"].ToString();
        foreach (var (name, value) in new[] { ("msg_signature", signature), ("timestamp", timestamp), ("nonce", nonce) })
        {
            if (string.IsNullOrEmpty(value))
            {
                return BadRequest(name, "is required in the query string.");
            }
        }

        if (string.IsNullOrEmpty(encrypted))
        {
            return BadRequest("echostr", "is required in the query string.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > ReplayWindow)
        {
            return Unauthorized($"timestamp is more than {ReplayWindow.TotalSeconds:0} s from now.");
        }

        return crypto.VerifySignature(signature, timestamp, nonce, encrypted) ? null : Unauthorized("msg_signature does not match.");
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    private static IResult NotConfigured() =>
        Problems.NotFound("WeCom is not set up on this host (see WeCom:* in the README).");

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused", detail: detail);

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"The body may be at most {MaxBodyBytes} bytes.");

    private static IResult BadRequest(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}", title: "The callback is not valid");
}
