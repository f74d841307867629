using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Outbox;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Channels.Gateway;

/// <summary>
/// A chat bridge (a WeChat client bridge, a Wechaty puppet): it forwards every group message to
/// us and posts what we send it. The bot hears everything and may post freely, within a per-chat
/// rate limit that keeps a bridged WeChat account clear of anti-spam measures.
/// </summary>
internal sealed class GatewayChannel(IHttpClientFactory httpClients, IOptions<GatewayOptions> options, IOptions<JsonOptions> json, TimeProvider clock)
    : IChatChannel
{
    public const string HttpClientName = "gateway";

    public string Name => ChannelNames.Gateway;

    public ChannelCapabilities Capabilities { get; } = new(
        Hearing.AllMessages,
        Posting.Free,
        HasPrivateChat: true,
        new SendRateLimit(Math.Max(1, options.Value.MessagesPerMinute), TimeSpan.FromMinutes(1)),
        MaxMentionsPerMessage: 20);

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Secret) || settings.OutboundUrl is null)
        {
            throw new ChannelSendException("Gateway:Secret and Gateway:OutboundUrl must both be set to send to the bridge.", permanent: true);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new GatewayOutboundMessage(message.ChatId, message.ToUserId, message.Text, message.Mentions, message.IdempotencyKey),
            json.Value.SerializerOptions);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.OutboundUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(GatewaySignature.TimestampHeader, timestamp);
        request.Headers.Add(GatewaySignature.SignatureHeader, GatewaySignature.Sign(settings.Secret, timestamp, body));

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelSendException($"The bridge could not be reached: {ex.Message}", innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelSendException("The bridge did not answer in time.", innerException: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // The contract: any non-2xx is retried. A 429 may say when.
                throw new ChannelSendException($"The bridge answered {(int)response.StatusCode}.", retryAfter: response.Headers.RetryAfter?.Delta);
            }
        }
    }
}
