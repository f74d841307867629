using System.Globalization;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>Money and times the way residents read them in a group chat.</summary>
public static class ChineseFormat
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>12.80 → "12.8", 6.00 → "6".</summary>
    public static string Money(decimal yuan) => yuan.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"11月26日", for a day (a pickup day, a coupon's last day).</summary>
    public static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    /// <summary>"11月26日(周四) 22:00", in the business time zone the caller converted to.</summary>
    public static string DayAndTime(DateTimeOffset local) =>
        string.Create(CultureInfo.InvariantCulture, $"{local.Month}月{local.Day}日({Weekdays[(int)local.DayOfWeek]}) {local:HH:mm}");
}
