namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// How many 企业群发 messages a customer group can receive. WeCom's default is as many per month as
/// the month has days; a corp admin can change it (企业微信 → 群发助手 → 设置群发规则) to seven a
/// week or one a day. WeCom reports no remaining quota: a group past it silently receives nothing.
/// Planning to the strictest rule, one per group per day, is correct under every setting, so the
/// caller keeps one task per group per <see cref="DayOf"/> and sends anything more that day through
/// the robot or waits.
/// </summary>
internal static class WeComGroupMessageQuota
{
    public const int PerGroupPerDay = 1;

    /// <summary>WeCom counts natural days in China time (UTC+8 all year; no daylight saving).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The WeCom day an instant belongs to.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);
}
