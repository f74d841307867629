using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Channels.Gateway;

/// <summary>
/// <c>POST /webhooks/gateway</c>: verify, parse, store, answer. Processing happens after the answer,
/// from the stored row, so a 200 is never lost and a redelivery is never processed twice.
/// </summary>
internal static class GatewayWebhook
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapGatewayWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/gateway", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, IOptions<GatewayOptions> options, MessageInbox inbox, TimeProvider clock, ILogger<GatewayMessage> logger)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            return Problems.NotFound("The gateway is not enabled on this host (Gateway:Secret is not set).");
        }

        var body = await LimitedBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"The body may be at most {MaxBodyBytes} bytes.");
        }

        var refusal = GatewaySignature.Check(
            secret,
            context.Request.Headers[GatewaySignature.TimestampHeader],
            context.Request.Headers[GatewaySignature.SignatureHeader],
            body,
            clock.GetUtcNow());
        if (refusal is not null)
        {
            logger.LogWarning("Refused a gateway webhook: {Reason}", refusal);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused", detail: refusal);
        }

        var parsed = Parse(body, context.RequestServices, clock.GetUtcNow());
        if (parsed.Message is null)
        {
            return parsed.Problem!;
        }

        var result = await inbox.AcceptAsync(parsed.Message, context.RequestAborted);
        return Results.Ok(new { status = result == AcceptResult.Stored ? "accepted" : "duplicate" });
    }

    private static (InboundMessage? Message, IResult? Problem) Parse(byte[] body, IServiceProvider services, DateTimeOffset now)
    {
        var read = JsonBody.Parse<GatewayMessage>(body, services);
        if (read.Value is not { } wire)
        {
            return (null, read.Problem);
        }

        var errors = new FieldErrors();
        var messageId = errors.RequiredText("messageId", wire.MessageId, 128);
        var senderId = errors.RequiredText("senderId", wire.SenderId, 128);
        var type = errors.RequiredText("type", wire.Type, 16);
        errors.OneOf("type", type, ["text", "image"]);
        if (wire.SentAt is null)
        {
            errors.Add("sentAt", "is required (ISO 8601 with offset).");
        }

        if (type == "text")
        {
            errors.RequiredText("text", wire.Text, 8000);
        }
        else if (type == "image" && !Uri.TryCreate(wire.ImageUrl, UriKind.Absolute, out _))
        {
            errors.Add("imageUrl", "is required for an image and must be an absolute URL.");
        }

        if (wire.ChatId is { Length: > 128 })
        {
            errors.Add("chatId", "must be at most 128 characters.");
        }

        if (wire.Mentions?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add("mentions", "must hold user ids, not empty strings.");
        }

        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        var message = new InboundMessage(
            ChannelNames.Gateway,
            messageId,
            wire.ChatId,
            senderId,
            Shorten(wire.SenderName, 64),
            type == "image" ? InboundMessageKind.Image : InboundMessageKind.Text,
            wire.Text,
            wire.ImageUrl,
            string.IsNullOrWhiteSpace(wire.QuotedMessageId) ? null : wire.QuotedMessageId,
            wire.Mentions ?? [],
            wire.SentAt!.Value,
            now);
        return (message, null);
    }

    private static string Shorten(string? text, int max)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}
