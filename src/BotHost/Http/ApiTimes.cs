using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Http;

/// <summary>Times leave the API on the business clock (e.g. +08:00), so ops read them as residents' clocks show them.</summary>
internal static class ApiTimes
{
    /// <summary>Null stays null: a step that has not happened yet has no time.</summary>
    public static DateTimeOffset? ToLocal(this BusinessTimeZone zone, DateTimeOffset? instant) =>
        instant is { } at ? zone.ToLocal(at) : null;
}
