using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Console;

/// <summary>Times and money on console pages, as ops read them: the business clock, yuan without trailing zeros.</summary>
public static class ConsoleFormat
{
    /// <summary>"12月4日(周五) 21:07" on the business clock; "—" for a step that has not happened.</summary>
    public static string Time(this BusinessTimeZone zone, DateTimeOffset? instant) =>
        instant is { } at ? ChineseFormat.DayAndTime(zone.ToLocal(at)) : "—";

    /// <summary>The value a <c>datetime-local</c> input shows for an instant, on the business clock.</summary>
    public static string InputValue(this BusinessTimeZone zone, DateTimeOffset instant) =>
        zone.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A <c>datetime-local</c> input's value (business clock) as an instant; null when it is not one.</summary>
    public static DateTimeOffset? FromInput(this BusinessTimeZone zone, string? value)
    {
        if (!DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            return null;
        }

        return zone.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>"12.8 元".</summary>
    public static string Yuan(decimal amount) => ChineseFormat.Money(amount) + " 元";
}
