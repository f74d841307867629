using GroupBuy.Conversations.Commission;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class CommissionRatesTests
{
    private static CommissionRates Read(params (string Key, string Value)[] values) =>
        CommissionRates.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void Defaults_are_the_guides_numbers()
    {
        var rates = Read();

        Assert.Equal(0.10m, rates.RateFor("生鲜"));
        Assert.Equal(0.06m, rates.RateFor("日用品"));
        Assert.Equal(0.06m, rates.RateFor("食品"));
        Assert.Equal(0.06m, rates.RateFor("母婴"));
    }

    [Fact]
    public void Each_rate_is_read_from_its_key_and_other_categories_take_the_default_rate()
    {
        var rates = Read(
            ("Commission:Rates:生鲜", "0.12"),
            ("Commission:Rates:日用品", "0.05"),
            ("Commission:Rates:食品", " 0.08 "),
            ("Commission:Rates:Default", "0.07"));

        Assert.Equal(new CommissionRates(0.12m, 0.05m, 0.08m, 0.07m), rates);
        Assert.Equal(0.07m, rates.RateFor("个护"));
    }

    [Theory]
    [InlineData("Commission:Rates:生鲜", "0.079")]
    [InlineData("Commission:Rates:生鲜", "0.121")]
    [InlineData("Commission:Rates:生鲜", "10%")]
    [InlineData("Commission:Rates:日用品", "0.049")]
    [InlineData("Commission:Rates:日用品", "0.081")]
    [InlineData("Commission:Rates:食品", "0.09")]
    [InlineData("Commission:Rates:Default", "0.2")]
    [InlineData("Commission:Rates:Default", "0,06")]
    public void A_rate_outside_its_range_names_the_key(string key, string value)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => Read((key, value)));

        Assert.StartsWith($"{key} is '{value}'", ex.Message, StringComparison.Ordinal);
    }
}
