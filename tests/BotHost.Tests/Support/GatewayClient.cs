using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Channels.Gateway;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>Posts signed webhooks the way a chat bridge does.</summary>
public sealed class GatewayClient(HttpClient http, string secret)
{
    public const string Secret = "bridge-secret-7f3a";

    public Task<HttpResponseMessage> SendAsync(object message, DateTimeOffset? at = null) =>
        SendRawAsync(JsonSerializer.Serialize(message), at);

    public Task<HttpResponseMessage> SendRawAsync(string json, DateTimeOffset? at = null, string? signature = null, string? timestamp = null) =>
        SendBytesAsync(Encoding.UTF8.GetBytes(json), at, signature, timestamp);

    /// <summary>Signs and posts the bytes as they are (which need not be UTF-8, or JSON).</summary>
    public Task<HttpResponseMessage> SendBytesAsync(byte[] body, DateTimeOffset? at = null, string? signature = null, string? timestamp = null)
    {
        var ts = timestamp ?? (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/gateway", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(GatewaySignature.TimestampHeader, ts);
        request.Headers.Add(GatewaySignature.SignatureHeader, signature ?? GatewaySignature.Sign(secret, ts, body));
        return http.SendAsync(request);
    }

    public static object Text(string messageId, string chatId, string senderId, string text, string senderName = "王阿姨", string? quotedMessageId = null, IReadOnlyList<string>? mentions = null) => new
    {
        messageId,
        chatId,
        senderId,
        senderName,
        type = "text",
        text,
        sentAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)),
        imageUrl = (string?)null,
        quotedMessageId,
        mentions = mentions ?? [],
    };

    /// <summary>A message written to the bot in a private chat: the contract's body with no chatId.</summary>
    public static object Private(string messageId, string senderId, string text, string senderName = "王阿姨") => new
    {
        messageId,
        chatId = (string?)null,
        senderId,
        senderName,
        type = "text",
        text,
        sentAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)),
        mentions = Array.Empty<string>(),
    };
}
