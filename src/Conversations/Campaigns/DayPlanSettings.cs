using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// The supply day plan (rules: at the warehouse by 10:00, at the communities by 17:00 on pickup
/// day) as progress notices sent on their own: <c>DayPlan:Enabled</c> (off by default: a notice
/// that the goods are at the community, sent while the truck is late, sends residents to an empty
/// pickup point, so ops turn it on where deliveries keep time), <c>DayPlan:SortingAt</c> (10:00)
/// and <c>DayPlan:DeliveredAt</c> (17:00), business time.
/// </summary>
public sealed record DayPlanSettings(bool Enabled, TimeOnly SortingAt, TimeOnly DeliveredAt)
{
    public static DayPlanSettings FromConfiguration(IConfiguration configuration)
    {
        var enabledText = configuration["DayPlan:Enabled"];
        var enabled = false;
        if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText, out enabled))
        {
            throw new InvalidSettingException($"DayPlan:Enabled is '{enabledText}'; expected true or false.");
        }

        var sorting = Time(configuration, "DayPlan:SortingAt", new TimeOnly(10, 0));
        var delivered = Time(configuration, "DayPlan:DeliveredAt", new TimeOnly(17, 0));
        if (delivered <= sorting)
        {
            throw new InvalidSettingException($"DayPlan:DeliveredAt ({delivered:HH\\:mm}) must come after DayPlan:SortingAt ({sorting:HH\\:mm}).");
        }

        return new DayPlanSettings(enabled, sorting, delivered);
    }

    private static TimeOnly Time(IConfiguration configuration, string key, TimeOnly fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidSettingException($"{key} is '{text}'; expected a time of day such as {fallback:HH\\:mm}.");
    }
}
