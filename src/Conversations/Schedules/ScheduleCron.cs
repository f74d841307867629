using Cronos;

namespace GroupBuy.Conversations.Schedules;

/// <summary>
/// A schedule's cron expression: five fields (minute hour day-of-month month day-of-week), read
/// in the business time zone, parsed by Cronos as Hangfire parses recurring jobs, so the run
/// times shown to ops are the ones Hangfire keeps.
/// </summary>
public sealed class ScheduleCron
{
    // How far back the previous occurrence is looked for: a day first (most schedules), then up
    // to four years and a day, which holds even "29 February" once.
    private static readonly TimeSpan[] LookBack = [TimeSpan.FromDays(2), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(1462)];

    private readonly CronExpression expression;

    private ScheduleCron(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public string Text { get; }

    /// <summary>What the expression means in plain Chinese, for ops: "每周四 20:00".</summary>
    public string InChinese => CronInChinese.Describe(Text);

    /// <summary>Reads a cron expression; null and <paramref name="error"/> saying why when it is not one.</summary>
    public static ScheduleCron? TryParse(string? text, out string error)
    {
        error = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "is required: five fields, minute hour day-of-month month day-of-week, such as '0 20 * * 3' for Wednesdays at 20:00.";
            return null;
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"has {fields.Length} field(s); use five: minute hour day-of-month month day-of-week, such as '0 20 * * 3' for Wednesdays at 20:00.";
            return null;
        }

        try
        {
            var normalised = string.Join(' ', fields);
            return new ScheduleCron(normalised, CronExpression.Parse(normalised, CronFormat.Standard));
        }
        catch (CronFormatException ex)
        {
            error = $"is not a valid cron expression: {ex.Message}";
            return null;
        }
    }

    public static ScheduleCron Parse(string text) =>
        TryParse(text, out var error) ?? throw new FormatException($"'{text}' {error}");

    /// <summary>The next <paramref name="count"/> run times after <paramref name="after"/>, as the zone's clocks show them.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, TimeZoneInfo zone, int count)
    {
        var runs = new List<DateTimeOffset>(count);
        var from = after;
        while (runs.Count < count && expression.GetNextOccurrence(from, zone) is { } next)
        {
            runs.Add(next);
            from = next;
        }

        return runs;
    }

    /// <summary>
    /// The latest run time at or before <paramref name="now"/>: the occurrence a job started by
    /// Hangfire (late, retried, or on a second host) is for. Null when there was none in four years.
    /// </summary>
    public DateTimeOffset? Previous(DateTimeOffset now, TimeZoneInfo zone)
    {
        foreach (var span in LookBack)
        {
            var last = expression.GetOccurrences(now - span, now, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
            if (last != default)
            {
                return last;
            }
        }

        return null;
    }
}
