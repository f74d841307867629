using System.Globalization;
using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Reminders;

/// <summary>
/// When pickup reminders go after 到货: <c>Reminders:FirstAfterMinutes</c> (120),
/// <c>Reminders:NextMorningAt</c> (10:00, business time, the day after arrival) and
/// <c>Reminders:LeaderAfterHours</c> (48). Nobody is reminded between 21:00 and 08:00.
/// </summary>
public sealed record ReminderSettings(TimeSpan FirstAfter, TimeOnly NextMorningAt, TimeSpan LeaderAfter)
{
    public const string NextMorningAtKey = "Reminders:NextMorningAt";

    public static ReminderSettings Default { get; } = new(TimeSpan.FromHours(2), new TimeOnly(10, 0), TimeSpan.FromHours(48));

    public static ReminderSettings FromConfiguration(IConfiguration configuration)
    {
        var first = TimeSpan.FromMinutes(InboxSettings.Read(configuration, "Reminders:FirstAfterMinutes", 120, 10, 24 * 60));
        var leader = TimeSpan.FromHours(InboxSettings.Read(configuration, "Reminders:LeaderAfterHours", 48, 1, 14 * 24));
        var text = configuration[NextMorningAtKey];
        var morning = Default.NextMorningAt;
        if (!string.IsNullOrWhiteSpace(text)
            && (!TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out morning) || !PickupReminderPlan.IsDaytime(morning)))
        {
            throw new InvalidSettingException($"{NextMorningAtKey} is '{text}'; expected a time of day between 08:00 and 21:00 such as 10:00.");
        }

        return new ReminderSettings(first, morning, leader);
    }
}
