using System.Globalization;
using GroupBuy.Conversations;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Jobs.Segments;

/// <summary>
/// <c>Segments:DailyAt</c> (default 03:00 business time): when the daily segment computation runs,
/// followed by the day's treatments. Early, so the night's orders are in and the messages are
/// ready to leave when quiet hours end.
/// </summary>
public sealed record SegmentJobSettings(TimeOnly DailyAt)
{
    public const string DailyAtKey = "Segments:DailyAt";

    public string Cron => string.Create(CultureInfo.InvariantCulture, $"{DailyAt.Minute} {DailyAt.Hour} * * *");

    public static SegmentJobSettings FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[DailyAtKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SegmentJobSettings(new TimeOnly(3, 0));
        }

        return TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new SegmentJobSettings(at)
            : throw new InvalidSettingException($"{DailyAtKey} is '{text}'; write a time of day such as 03:00 (business time, 24-hour clock).");
    }
}
