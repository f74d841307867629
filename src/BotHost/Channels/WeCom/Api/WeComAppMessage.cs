namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// An application message (cgi-bin/message/send) to members and/or departments, e.g. a leader's
/// 汇总 or a cut-off notice. WeCom's duplicate check is always on: the same JSON within
/// <see cref="DuplicateCheckInterval"/> is delivered once, which is the second guard (after the
/// outbox's idempotency key) against a retry posting twice. Make deliberate repeats differ in content.
/// </summary>
internal sealed record WeComAppMessage(
    IReadOnlyList<string> ToUsers,
    IReadOnlyList<string> ToParties,
    WeComTextFormat Format,
    string Content)
{
    /// <summary>WeCom's default interval; it allows at most 4 hours.</summary>
    public static readonly TimeSpan DefaultDuplicateCheckInterval = TimeSpan.FromSeconds(1800);

    public static readonly TimeSpan MaxDuplicateCheckInterval = TimeSpan.FromHours(4);

    public TimeSpan DuplicateCheckInterval { get; init; } = DefaultDuplicateCheckInterval;

    /// <summary>To members only, by userid.</summary>
    public static WeComAppMessage ToMembers(WeComTextFormat format, string content, params IReadOnlyList<string> userIds) =>
        new(userIds, [], format, content);
}
