namespace GroupBuy.BotHost.Channels.Gateway;

/// <summary>The bridge's webhook body, as the contract gives it; checked field by field before use.</summary>
internal sealed record GatewayMessage(
    string? MessageId,
    string? ChatId,
    string? SenderId,
    string? SenderName,
    string? Type,
    string? Text,
    DateTimeOffset? SentAt,
    string? ImageUrl,
    string? QuotedMessageId,
    IReadOnlyList<string>? Mentions);
