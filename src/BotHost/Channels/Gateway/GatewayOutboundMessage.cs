namespace GroupBuy.BotHost.Channels.Gateway;

/// <summary>What we POST to the bridge; the idempotency key is the same on every retry of one message.</summary>
internal sealed record GatewayOutboundMessage(string? ChatId, string? ToUserId, string Text, IReadOnlyList<string> Mentions, string IdempotencyKey);
