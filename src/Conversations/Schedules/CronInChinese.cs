using System.Globalization;

namespace GroupBuy.Conversations.Schedules;

/// <summary>
/// A five-field cron expression in plain Chinese, for ops who do not read cron: <c>0 20 * * 4</c>
/// is "每周四 20:00", <c>30 9 * * 1-5</c> "周一至周五 09:30", <c>0 8 1 * *</c> "每月1日 08:00".
/// It reads the fields as Cronos (and so Hangfire) does, including that a day of the month and a
/// day of the week together both have to hold (<c>0 0 13 * 5</c>: the 13th, only on a Friday).
/// What it cannot put into words (<c>H</c>, say) is read out field by field rather than guessed.
/// </summary>
public static class CronInChinese
{
    private const string EveryDay = "每天";

    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
    private static readonly string[] Ordinals = ["", "第一个", "第二个", "第三个", "第四个", "第五个"];

    public static string Describe(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            return $"「{cron.Trim()}」不是五段式的 cron 表达式";
        }

        var minutes = CronFieldValues.Read(fields[0], 0, 59);
        var hours = CronFieldValues.Read(fields[1], 0, 23);
        var months = CronFieldValues.Read(fields[3], 1, 12, CronFieldValues.MonthNames);
        if (minutes is null || hours is null || months is null || DateWords(fields[2].ToUpperInvariant(), months, fields[4].ToUpperInvariant()) is not { } date)
        {
            return Literal(fields);
        }

        var (time, onItsOwn) = TimeWords(minutes, hours);

        // "每5分钟" says every day already; "每天 20:00" needs the day.
        return onItsOwn && date == EveryDay ? time : $"{date} {time}";
    }

    /// <summary>The time of day; true when the words stand without a day ("每5分钟").</summary>
    private static (string Text, bool OnItsOwn) TimeWords(IReadOnlyList<int> m, IReadOnlyList<int> h)
    {
        var allHours = h.Count == 24;
        var hourRun = h.Count >= 2 && Step(h) == 1;
        if (m.Count == 1)
        {
            var minute = m[0];
            if (allHours)
            {
                return (minute == 0 ? "每小时整点" : $"每小时的{minute}分", true);
            }

            if (h.Count >= 3 && Step(h) is { } every)
            {
                return ($"{Clock(h[0], minute)}至{Clock(h[^1], minute)}{(every == 1 ? "每小时" : $"每{every}小时")}一次", false);
            }

            return (string.Join("、", h.Select(hour => Clock(hour, minute))), false);
        }

        if (m.Count >= 3 && Step(m) is { } step)
        {
            var per = step == 1 ? "每分钟" : $"每{step}分钟";

            // The steps carry on evenly into the next hour (*/15, 5/15); */7 does not (…56, 0, 7).
            var wholeHour = m[0] < step && m[^1] + step == 60 + m[0];
            if (allHours)
            {
                return (wholeHour ? (m[0] == 0 ? per : $"每小时的{m[0]}分起{per}") : $"每小时的{m[0]}分至{m[^1]}分{per}", true);
            }

            if (h.Count == 1 || (hourRun && wholeHour))
            {
                return ($"{Clock(h[0], m[0])}至{Clock(h[^1], m[^1])}{per}", false);
            }

            return (wholeHour ? $"{Hours(h)}这几个小时里{per}" : $"{Hours(h)}，每小时的{m[0]}分至{m[^1]}分{per}", false);
        }

        if (h.Count * m.Count <= 6)
        {
            return (string.Join("、", h.SelectMany(hour => m.Select(minute => Clock(hour, minute)))), false);
        }

        return allHours ? ($"每小时的{Minutes(m)}", true) : ($"{Hours(h)}，每小时的{Minutes(m)}", false);
    }

    /// <summary>The days, months included; null when a day field holds a form this does not know.</summary>
    private static string? DateWords(string dayOfMonth, IReadOnlyList<int> months, string dayOfWeek)
    {
        var allMonths = months.Count == 12;
        var monthText = Runs(months, m => $"{m}月", m => m, 3);
        var day = DayOfMonthWords(dayOfMonth, out var plainDays, out var oneDay);
        var week = DayOfWeekWords(dayOfWeek, out var weekly);
        if (day is null || week is null)
        {
            return null;
        }

        var anyDay = day.Length == 0;
        var anyWeekday = week.Length == 0;

        // "每年1月1日" reads better than "每年1月的1日"; a month list or "最后一天" needs the 的.
        var inMonths = allMonths ? "每月" : months.Count == 1 && plainDays ? $"每年{monthText}" : $"每年{monthText}的";
        if (anyDay && anyWeekday)
        {
            return allMonths ? EveryDay : $"每年{monthText}每天";
        }

        if (anyDay)
        {
            // Weekly days stand alone ("每周四"); the nth or last weekday is of a month ("每月第三个周五").
            var days = weekly ? WeeklyWords(week) : week;
            return allMonths ? (weekly ? days : $"每月{days}") : $"每年{monthText}的{days}";
        }

        if (anyWeekday)
        {
            return inMonths + day;
        }

        // Cronos wants both to hold, unlike Unix cron, which takes either.
        return oneDay ? $"{inMonths}{day}（仅当这天是{week}）" : $"{inMonths}{day}中的{week}";
    }

    /// <summary>"" for any day; "1日", "1日至10日", "最后一天"…; null for what this does not know. Plain: days by number; one: a single day a month.</summary>
    private static string? DayOfMonthWords(string field, out bool plain, out bool one)
    {
        plain = false;
        one = true;
        if (field is "*" or "?")
        {
            return string.Empty;
        }

        if (field == "LW")
        {
            return "最后一个工作日";
        }

        if (field.StartsWith('L'))
        {
            var nearestWeekday = field.EndsWith('W');
            var offsetText = field.TrimEnd('W')[1..];
            if (offsetText.Length == 0 && !nearestWeekday)
            {
                return "最后一天";
            }

            if (!offsetText.StartsWith('-') || !int.TryParse(offsetText[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var before))
            {
                return null;
            }

            // L-1 is the day before the last: the second from the end.
            var fromEnd = $"倒数第{before + 1}天";
            return nearestWeekday ? $"离{fromEnd}最近的工作日" : fromEnd;
        }

        if (field.EndsWith('W'))
        {
            return int.TryParse(field[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
                ? $"离{day}日最近的工作日"
                : null;
        }

        if (CronFieldValues.Read(field, 1, 31) is not { } days)
        {
            return null;
        }

        if (days.Count == 31)
        {
            return string.Empty;
        }

        plain = true;
        one = days.Count == 1;
        var step = Step(days);
        if (step == 2 && days.Count == 16 && days[0] == 1)
        {
            return "单日";
        }

        if (step == 2 && days.Count == 15 && days[0] == 2)
        {
            return "双日";
        }

        if (days.Count > 5 && step is > 1)
        {
            return $"{days[0]}日至{days[^1]}日每{step}天";
        }

        return Runs(days, d => $"{d}日", d => d, 3);
    }

    /// <summary>
    /// "" for any weekday; "周四", "周一至周五", "周一、周三、周五", or "第三个周五" / "最后一个周五"
    /// (then <paramref name="weekly"/> is false: a day of each month, not of each week).
    /// </summary>
    private static string? DayOfWeekWords(string field, out bool weekly)
    {
        weekly = true;
        if (field is "*" or "?")
        {
            return string.Empty;
        }

        var hash = field.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0)
        {
            weekly = false;
            return Weekday(field[..hash]) is { } day
                && int.TryParse(field[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 5
                ? $"{Ordinals[nth]}{Weekdays[day]}"
                : null;
        }

        if (field.Length > 1 && field.EndsWith('L'))
        {
            weekly = false;
            return Weekday(field[..^1]) is { } day ? $"最后一个{Weekdays[day]}" : null;
        }

        if (CronFieldValues.Read(field, 0, 7, CronFieldValues.DayNames) is not { } values)
        {
            return null;
        }

        // 0 and 7 are both Sunday; the week is read from Monday, as calendars in China show it.
        var days = values.Select(d => d % 7).Distinct().OrderBy(MondayFirst).ToList();
        return days.Count == 7 ? string.Empty : Runs(days, d => Weekdays[d], MondayFirst, 3);
    }

    /// <summary>"周四" → "每周四", "周一、周三" → "每周一、周三"; a run of days reads well as it is: "周一至周五".</summary>
    private static string WeeklyWords(string days) =>
        days.Contains('至', StringComparison.Ordinal) && !days.Contains('、', StringComparison.Ordinal) ? days : "每" + days;

    private static int? Weekday(string text) =>
        CronFieldValues.Read(text, 0, 7, CronFieldValues.DayNames) is [var day] ? day % 7 : null;

    private static int MondayFirst(int day) => (day + 6) % 7;

    /// <summary>The common difference of an arithmetic sequence of two or more values; null when there is none.</summary>
    private static int? Step(IReadOnlyList<int> values)
    {
        if (values.Count < 2)
        {
            return null;
        }

        var step = values[1] - values[0];
        for (var i = 2; i < values.Count; i++)
        {
            if (values[i] - values[i - 1] != step)
            {
                return null;
            }
        }

        return step;
    }

    /// <summary>Values as a list with runs of <paramref name="shortest"/> or more in a row joined: "1日至10日、15日".</summary>
    private static string Runs(IReadOnlyList<int> values, Func<int, string> name, Func<int, int> position, int shortest)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 1; i <= values.Count; i++)
        {
            if (i < values.Count && position(values[i]) == position(values[i - 1]) + 1)
            {
                continue;
            }

            var length = i - start;
            if (length >= shortest)
            {
                parts.Add($"{name(values[start])}至{name(values[i - 1])}");
            }
            else
            {
                parts.AddRange(values.Skip(start).Take(length).Select(name));
            }

            start = i;
        }

        return string.Join("、", parts);
    }

    private static string Hours(IReadOnlyList<int> hours) => Runs(hours, h => $"{h}点", h => h, 3);

    private static string Minutes(IReadOnlyList<int> minutes) => Runs(minutes, m => $"{m}分", m => m, 3);

    private static string Clock(int hour, int minute) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}");

    /// <summary>Field by field, as written, for an expression the words above do not cover.</summary>
    private static string Literal(string[] fields)
    {
        static string Field(string text) => text is "*" or "?" ? "不限" : $"「{text}」";
        return $"按字面：分钟{Field(fields[0])}，小时{Field(fields[1])}，日期{Field(fields[2])}，月份{Field(fields[3])}，星期{Field(fields[4])}";
    }
}
