using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// <c>Marketing:QuietHours</c> (default "22:00-08:00" business time, "off" for none) and
/// <c>Marketing:RepeatAfterDays</c> (default 14, 1–90): a resident gets their segment's treatment
/// (win-back, recommendation, core price) at most once in that many days, the guide's "weekly or
/// fortnightly" rhythm, rather than every day they stay in the segment.
/// </summary>
public sealed record MarketingSettings(QuietHours QuietHours, TimeSpan RepeatAfter)
{
    public const string QuietHoursKey = "Marketing:QuietHours";
    public const string RepeatAfterDaysKey = "Marketing:RepeatAfterDays";

    public static MarketingSettings FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[QuietHoursKey];
        if (!QuietHours.TryParse(text, out var quietHours))
        {
            throw new InvalidSettingException($"{QuietHoursKey} is '{text}'; write it as 22:00-08:00 (business time, 24-hour clock), or off.");
        }

        return new MarketingSettings(quietHours, TimeSpan.FromDays(InboxSettings.Read(configuration, RepeatAfterDaysKey, 14, 1, 90)));
    }
}
