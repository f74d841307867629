using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuy.Conversations.Time;

namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A stretch of business time sales are counted in: an ISO week ("2026-W48", Monday 00:00 to the
/// next Monday 00:00) or a calendar month ("2026-11"), both on the business clock. A sale belongs to
/// the period its pickup falls in; <see cref="End"/> is not part of it.
/// </summary>
public sealed partial record SettlementPeriod(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    // Years ISOWeek and DateTime both handle, with room for the week after the last.
    private const int MinYear = 2000;
    private const int MaxYear = 9998;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The first day, as the business clock reads it.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(Start.DateTime);

    /// <summary>The last whole or partial day in the period.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(End.AddTicks(-1).DateTime);

    /// <summary>The same period cut short at <paramref name="end"/> (month-to-date at the end of a week).</summary>
    public SettlementPeriod Until(DateTimeOffset end) => end < End ? this with { End = end < Start ? Start : end } : this;

    public static SettlementPeriod Week(int isoYear, int week, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(isoYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(isoYear, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(week, ISOWeek.GetWeeksInYear(isoYear));
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));
        return new SettlementPeriod(
            string.Create(CultureInfo.InvariantCulture, $"{isoYear:D4}-W{week:D2}"),
            StartOfDay(monday, zone),
            StartOfDay(monday.AddDays(7), zone));
    }

    public static SettlementPeriod Month(int year, int month, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        var first = new DateOnly(year, month, 1);
        return new SettlementPeriod(
            string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"),
            StartOfDay(first, zone),
            StartOfDay(first.AddMonths(1), zone));
    }

    /// <summary>The ISO week an instant falls in on the business clock.</summary>
    public static SettlementPeriod WeekOf(DateTimeOffset instant, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = zone.ToLocal(instant).DateTime;
        return Week(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local), zone);
    }

    /// <summary>The calendar month an instant falls in on the business clock.</summary>
    public static SettlementPeriod MonthOf(DateTimeOffset instant, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = zone.ToLocal(instant);
        return Month(local.Year, local.Month, zone);
    }

    /// <summary>Reads "2026-W48" (ISO 8601 week).</summary>
    public static bool TryParseWeek(string? text, BusinessTimeZone zone, out SettlementPeriod week)
    {
        var valid = TryRead(WeekPattern(), text, out var year, out var number) && number >= 1 && number <= ISOWeek.GetWeeksInYear(year);
        week = valid ? Week(year, number, zone) : null!;
        return valid;
    }

    /// <summary>Reads "2026-11".</summary>
    public static bool TryParseMonth(string? text, BusinessTimeZone zone, out SettlementPeriod month)
    {
        var valid = TryRead(MonthPattern(), text, out var year, out var number) && number is >= 1 and <= 12;
        month = valid ? Month(year, number, zone) : null!;
        return valid;
    }

    /// <summary>The year and the week or month number of a "yyyy-…nn" text, when the year is one we handle.</summary>
    private static bool TryRead(Regex pattern, string? text, out int year, out int number)
    {
        year = number = 0;
        var match = text is null ? null : pattern.Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return year is >= MinYear and <= MaxYear;
    }

    private static DateTimeOffset StartOfDay(DateOnly day, BusinessTimeZone zone) => zone.StartOf(day);

    [GeneratedRegex(@"^([0-9]{4})-W([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
