namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// A created 企业群发 task. <see cref="MessageId"/> identifies it for WeCom's send-result APIs.
/// Nothing has reached a group yet: the leader must confirm the task in WeCom first.
/// </summary>
/// <param name="MessageId">WeCom's msgid of the task.</param>
/// <param name="FailedIds">WeCom's fail_list: targets it could not take (invalid or not the sender's).</param>
/// <param name="AcceptedChatIds">The requested chat ids WeCom took; each will use up one of its group's 群发 quota when it arrives.</param>
/// <param name="CreatedAt">When the task was created, by our clock.</param>
/// <param name="QuotaDay">The WeCom day (China time) the task was created on; see <see cref="WeComGroupMessageQuota"/>.</param>
internal sealed record WeComGroupMessageTemplateResult(
    string MessageId,
    IReadOnlyList<string> FailedIds,
    IReadOnlyList<string> AcceptedChatIds,
    DateTimeOffset CreatedAt,
    DateOnly QuotaDay);
