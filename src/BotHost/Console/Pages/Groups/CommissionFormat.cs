using System.Globalization;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Commission;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>Commission figures as a leader's statement shows them: yuan to the fen ("¥5,032.65"), rates as percentages.</summary>
public static class CommissionFormat
{
    /// <summary>Figures arrive rounded to the fen; both decimals are shown, as on a bill.</summary>
    public static string Money(decimal yuan) => "¥" + yuan.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>"10%", "6%", "7.5%".</summary>
    public static string Rate(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A bonus in whole yuan as leaders are told it: "500", "1,200".</summary>
    public static string Bonus(decimal yuan) => "¥" + yuan.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>"4.67 分（3 条）", the mean rating to two decimals as the ranking computes it.</summary>
    public static string Rating(decimal average, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{average:0.00} 分（{count} 条）");

    /// <summary>"12.5 分钟".</summary>
    public static string Minutes(decimal minutes) => minutes.ToString("0.##", CultureInfo.InvariantCulture) + " 分钟";

    /// <summary>"11月23日–11月29日": the days a period covers on the business clock.</summary>
    public static string Days(SettlementPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{ChineseFormat.Day(period.FirstDay)}–{ChineseFormat.Day(period.LastDay)}";
    }

    /// <summary>"2026年11月" for "2026-11".</summary>
    public static string MonthName(SettlementPeriod month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return string.Create(CultureInfo.InvariantCulture, $"{month.FirstDay.Year}年{month.FirstDay.Month}月");
    }
}
