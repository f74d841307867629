using System.Globalization;

namespace GroupBuy.Conversations.Schedules;

/// <summary>
/// The values one cron field matches, read the way Cronos reads them: <c>*</c> and <c>?</c>,
/// lists, ranges (a reversed one such as <c>22-2</c> goes round), steps and three-letter names.
/// Forms with no fixed set of values (<c>L</c>, <c>W</c>, <c>#</c>, <c>H</c>) are not read here.
/// </summary>
internal static class CronFieldValues
{
    public static readonly IReadOnlyDictionary<string, int> MonthNames = Names(1, "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    public static readonly IReadOnlyDictionary<string, int> DayNames = Names(0, "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /// <summary>The values in ascending order; null when the field holds anything else.</summary>
    public static IReadOnlyList<int>? Read(string field, int min, int max, IReadOnlyDictionary<string, int>? names = null)
    {
        var values = new SortedSet<int>();
        foreach (var part in field.ToUpperInvariant().Split(','))
        {
            if (ReadPart(part, min, max, names) is not { } matched)
            {
                return null;
            }

            values.UnionWith(matched);
        }

        return [.. values];
    }

    private static IEnumerable<int>? ReadPart(string part, int min, int max, IReadOnlyDictionary<string, int>? names)
    {
        var step = 1;
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var range = part;
        if (slash >= 0)
        {
            if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)
            {
                return null;
            }

            range = part[..slash];
        }

        int from;
        int to;
        if (range is "*" or "?")
        {
            (from, to) = (min, max);
        }
        else if (range.Split('-') is [var low, var high])
        {
            if (Value(low, min, max, names) is not { } a || Value(high, min, max, names) is not { } b)
            {
                return null;
            }

            (from, to) = (a, b);
        }
        else if (Value(range, min, max, names) is { } single)
        {
            // "5/15" runs from 5 to the end of the field; "5" alone is just 5.
            (from, to) = (single, slash >= 0 ? max : single);
        }
        else
        {
            return null;
        }

        // A reversed range goes round the end of the field: 22-2 is 22, 23, 0, 1, 2.
        var span = new List<int>();
        for (var value = from; ; value = value == max ? min : value + 1)
        {
            span.Add(value);
            if (value == to || span.Count > max - min + 1)
            {
                break;
            }
        }

        return span.Where((_, index) => index % step == 0);
    }

    private static int? Value(string text, int min, int max, IReadOnlyDictionary<string, int>? names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= min && number <= max ? number : null;
        }

        return names is not null && names.TryGetValue(text, out var named) ? named : null;
    }

    private static Dictionary<string, int> Names(int first, params string[] names) =>
        names.Select((name, index) => (name, index)).ToDictionary(n => n.name, n => n.index + first, StringComparer.Ordinal);
}
