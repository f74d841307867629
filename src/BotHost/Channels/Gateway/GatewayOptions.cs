namespace GroupBuy.BotHost.Channels.Gateway;

/// <summary>
/// The chat bridge: <c>Gateway:Secret</c> (HMAC key both ways; without it the webhook answers 404),
/// <c>Gateway:OutboundUrl</c> (where replies are POSTed), <c>Gateway:MessagesPerMinute</c> (per chat
/// or person, so a bridged WeChat account stays clear of anti-spam limits).
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public string? Secret { get; set; }

    public Uri? OutboundUrl { get; set; }

    public int MessagesPerMinute { get; set; } = 20;

    public bool IsEnabled => !string.IsNullOrEmpty(Secret);
}
