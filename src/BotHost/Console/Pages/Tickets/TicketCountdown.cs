using System.Globalization;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// How far a deadline is, as ops read it at a glance: "还剩 35 分钟", "已超时 2 小时". Within an hour
/// it is near, past it overdue (due times are inclusive, as the timers count them); both stand out.
/// </summary>
public sealed record TicketCountdown(DateTimeOffset DueAt, DateTimeOffset Now)
{
    /// <summary>A deadline this close is highlighted, as 今日 lists it.</summary>
    public static readonly TimeSpan Near = GroupBuy.BotHost.Console.Pages.IndexModel.NearDeadline;

    public bool IsOverdue => Now > DueAt;

    public bool IsNear => !IsOverdue && DueAt - Now <= Near;

    public string Text => IsOverdue
        ? DueAt - Now > TimeSpan.FromMinutes(-1) ? "刚刚超时" : "已超时 " + Duration(Now - DueAt)
        : DueAt - Now < TimeSpan.FromMinutes(1) ? "不到 1 分钟就到期" : "还剩 " + Duration(DueAt - Now);

    /// <summary>The badge's class: bad when overdue, warn when near, none otherwise.</summary>
    public string Tone => IsOverdue ? "bad" : IsNear ? "warn" : string.Empty;

    /// <summary>
    /// A span in whole units, rounded down, the two largest at most: "35 分钟", "2 小时 13 分钟",
    /// "2 天 5 小时"; "不到 1 分钟" for less.
    /// </summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "不到 1 分钟";
        }

        string Part(int value, string unit) => value.ToString(CultureInfo.InvariantCulture) + " " + unit;
        if (span < TimeSpan.FromHours(1))
        {
            return Part(span.Minutes, "分钟");
        }

        if (span < TimeSpan.FromDays(1))
        {
            return span.Minutes == 0 ? Part(span.Hours, "小时") : Part(span.Hours, "小时") + " " + Part(span.Minutes, "分钟");
        }

        return span.Hours == 0 ? Part(span.Days, "天") : Part(span.Days, "天") + " " + Part(span.Hours, "小时");
    }
}
