using System.Globalization;
using GroupBuy.Conversations.Time;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// When no marketing message goes out (default 22:00–08:00 business time). A message that falls
/// inside is held until <see cref="End"/>: the next morning for the late evening, the same
/// morning after midnight. Start equal to end means no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours Default = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    public bool IsOff => Start == End;

    public bool Contains(TimeOnly time) => !IsOff && (Start < End
        ? time >= Start && time < End
        : time >= Start || time < End);

    /// <summary>The first moment from <paramref name="now"/> on that is outside quiet hours.</summary>
    public DateTimeOffset NextSendable(DateTimeOffset now, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = zone.ToLocal(now);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        var endsTomorrow = Start > End && time >= Start;
        return zone.At(endsTomorrow ? day.AddDays(1) : day, End);
    }

    /// <summary>"22:00-08:00" (a dash or an en dash); "off" for none. False when it is neither.</summary>
    public static bool TryParse(string? text, out QuietHours quietHours)
    {
        quietHours = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (string.Equals(trimmed, "off", StringComparison.OrdinalIgnoreCase))
        {
            quietHours = new QuietHours(TimeOnly.MinValue, TimeOnly.MinValue);
            return true;
        }

        var parts = trimmed.Split(['-', '–'], StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            quietHours = new QuietHours(start, end);
            return true;
        }

        return false;
    }
}
