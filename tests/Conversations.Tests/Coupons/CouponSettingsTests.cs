using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Time;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.Conversations.Tests.Coupons;

public sealed class CouponSettingsTests
{
    private static readonly BusinessTimeZone Zone = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public void A_coupon_is_good_for_seven_whole_business_days_by_default()
    {
        var settings = CouponSettings.FromConfiguration(new ConfigurationBuilder().Build());
        var issued = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.FromHours(8));

        var expires = settings.ExpiryFor(issued, Zone);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(8)), expires);
        Assert.Equal(new DateOnly(2026, 12, 7), CouponSettings.LastDay(expires, Zone));
    }

    [Fact]
    public void A_validity_out_of_range_names_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("Coupons:ValidDays", "0")]).Build();

        var ex = Assert.Throws<InvalidSettingException>(() => CouponSettings.FromConfiguration(configuration));

        Assert.Contains("Coupons:ValidDays", ex.Message, StringComparison.Ordinal);
    }
}
