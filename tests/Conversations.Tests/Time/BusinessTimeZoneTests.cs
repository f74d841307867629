using GroupBuy.Conversations.Time;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.Conversations.Tests.Time;

public sealed class BusinessTimeZoneTests
{
    private static IConfiguration Config(string? zone) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("TimeZone", zone)]).Build();

    [Fact]
    public void Defaults_to_shanghai_time()
    {
        var zone = BusinessTimeZone.FromConfiguration(Config(null));

        var local = zone.ToLocal(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)), local);
        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
    }

    [Fact]
    public void An_unknown_zone_names_the_setting()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => BusinessTimeZone.FromConfiguration(Config("Mars/Olympus")));

        Assert.Contains("TimeZone", ex.Message, StringComparison.Ordinal);
    }
}
