using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Time;

/// <summary>
/// The time zone schedules, quiet hours and windows are reckoned in (<c>TimeZone</c>, default
/// Asia/Shanghai). Times are stored as instants; this turns them into what a resident's clock says.
/// </summary>
public sealed record BusinessTimeZone(TimeZoneInfo Zone)
{
    public const string Key = "TimeZone";
    public const string DefaultId = "Asia/Shanghai";

    public static BusinessTimeZone FromConfiguration(IConfiguration configuration)
    {
        var id = configuration[Key];
        if (string.IsNullOrWhiteSpace(id))
        {
            id = DefaultId;
        }

        try
        {
            return new BusinessTimeZone(TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidSettingException($"{Key} is '{id}', which this machine does not know as a time zone. Use an IANA id such as '{DefaultId}'.", ex);
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The business day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>Midnight on the business clock, as an instant shown in the business offset.</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>When the business clock shows <paramref name="time"/> on <paramref name="day"/>.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);

        // Where daylight saving skips the time (not in China, but the zone is a setting), take the
        // first minute the clock shows after it.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
