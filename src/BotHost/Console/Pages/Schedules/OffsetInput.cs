using System.Globalization;

namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>An offset from the run as the form asks for it: 运行后 N 天 N 小时 N 分钟, each box a whole number or empty.</summary>
public sealed class OffsetInput
{
    public string? Days { get; set; }

    public string? Hours { get; set; }

    public string? Minutes { get; set; }

    public static OffsetInput From(TimeSpan offset) => new()
    {
        Days = Text(offset.Days),
        Hours = Text(offset.Hours),
        Minutes = Text(offset.Minutes),
    };

    /// <summary>
    /// The API's form of the offset (<c>"1.02:00:00"</c>), so its own checks judge the length;
    /// null when nothing was typed (the API then says it is required) or, with a problem on
    /// <paramref name="field"/>, when a box is not a whole number.
    /// </summary>
    public string? ToApi(string field, IDictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(Days) && string.IsNullOrWhiteSpace(Hours) && string.IsNullOrWhiteSpace(Minutes))
        {
            return null;
        }

        if (Number(Days) is not { } days || Number(Hours) is not { } hours || Number(Minutes) is not { } minutes)
        {
            problems[field] = "天、小时、分钟都要填整数（不用的可以空着）。";
            return null;
        }

        // Hours past 23 and minutes past 59 carry over, as ops may well type 26 小时.
        return new TimeSpan(days, hours, minutes, 0).ToString("c", CultureInfo.InvariantCulture);
    }

    private static int? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10_000 ? value : null;
    }

    private static string Text(int value) => value == 0 ? string.Empty : value.ToString(CultureInfo.InvariantCulture);
}
