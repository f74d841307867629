using System.Globalization;

namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>A schedule's offsets as ops say them: "1天2小时" rather than the API's "1.02:00:00".</summary>
public static class OffsetWords
{
    /// <summary>"1天2小时", "26小时" never; "45分钟"; "0" parts left out.</summary>
    public static string Of(TimeSpan offset)
    {
        var parts = new List<string>();
        if (offset.Days > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{offset.Days}天"));
        }

        if (offset.Hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{offset.Hours}小时"));
        }

        if (offset.Minutes > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{offset.Minutes}分钟"));
        }

        return string.Concat(parts);
    }
}
