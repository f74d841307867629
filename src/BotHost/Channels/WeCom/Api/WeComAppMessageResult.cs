namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// What message/send answered. WeCom still sends to the valid recipients when some are invalid (not
/// in the app's visible range, unknown); those come back here, lower-cased. If none is valid the
/// call fails instead (errcode 81013).
/// </summary>
internal sealed record WeComAppMessageResult(
    string? MessageId,
    IReadOnlyList<string> InvalidUsers,
    IReadOnlyList<string> InvalidParties);
