using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Time;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class PeriodCommissionTests
{
    private static readonly BusinessTimeZone Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
    private static readonly SettlementPeriod Week48 = SettlementPeriod.Week(2026, 48, Shanghai);
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 18, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Each_category_earns_its_own_rate_and_unlisted_categories_the_default_rate()
    {
        var figures = PeriodCommission.Of(
            [new Sale(1, "生鲜", 120m, Wednesday), new Sale(1, "日用品", 100m, Wednesday), new Sale(1, "食品", 50m, Wednesday), new Sale(1, "母婴", 10m, Wednesday)],
            Week48,
            new CommissionRates(0.12m, 0.05m, 0.08m, 0.07m));

        Assert.Equal(
            [new CategoryCommission("生鲜", 120m, 0.12m, 14.4m), new CategoryCommission("日用品", 100m, 0.05m, 5m), new CategoryCommission("食品", 50m, 0.08m, 4m), new CategoryCommission("母婴", 10m, 0.07m, 0.7m)],
            figures.Categories);
        Assert.Equal(280m, figures.Sales);
        Assert.Equal(24.1m, figures.Commission);
    }

    [Fact]
    public void Figures_stay_exact_until_rounded_and_half_a_fen_rounds_up()
    {
        var figures = PeriodCommission.Of([new Sale(1, "日用品", 39.75m, Wednesday)], Week48, CommissionRates.Defaults);

        Assert.Equal(2.385m, figures.Commission);
        Assert.Equal(2.39m, figures.Rounded().Commission);
        Assert.Equal(2.38m, Math.Round(2.385m, 2)); // what the default (banker's) rounding would have paid
    }

    [Fact]
    public void The_total_is_the_exact_total_rounded_not_the_sum_of_the_rounded_parts()
    {
        // 1.05 × 10% = 0.105 and 1.75 × 6% = 0.105: each part rounds up to 0.11, the total is 0.21.
        var figures = PeriodCommission.Of([new Sale(1, "生鲜", 1.05m, Wednesday), new Sale(2, "日用品", 1.75m, Wednesday)], Week48, CommissionRates.Defaults).Rounded();

        Assert.Equal([0.11m, 0.11m], figures.Categories.Select(c => c.Commission));
        Assert.Equal([0.11m, 0.11m], figures.Groups.Select(g => g.Commission));
        Assert.Equal(0.21m, figures.Commission);
    }

    [Fact]
    public void Group_subtotals_apply_each_lines_category_rate()
    {
        var figures = PeriodCommission.Of(
            [new Sale(3, "生鲜", 38.40m, Wednesday), new Sale(3, "日用品", 39.75m, Wednesday), new Sale(5, "食品", 59.90m, Wednesday)],
            Week48,
            CommissionRates.Defaults);

        Assert.Equal([new GroupCommission(3, 78.15m, 6.225m), new GroupCommission(5, 59.90m, 3.594m)], figures.Groups);
        Assert.Equal([new GroupCommission(3, 78.15m, 6.23m), new GroupCommission(5, 59.90m, 3.59m)], figures.Rounded().Groups);
    }

    [Fact]
    public void Only_sales_picked_up_within_the_period_count()
    {
        var lastSecond = new DateTimeOffset(2026, 11, 29, 23, 59, 59, TimeSpan.FromHours(8));
        var nextMonday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8));
        var mondayInUtc = new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);
        var sundayBefore = new DateTimeOffset(2026, 11, 22, 15, 59, 59, TimeSpan.Zero);

        var figures = PeriodCommission.Of(
            [new Sale(1, "生鲜", 10m, lastSecond), new Sale(1, "生鲜", 20m, nextMonday), new Sale(1, "生鲜", 40m, mondayInUtc), new Sale(1, "生鲜", 80m, sundayBefore)],
            Week48,
            CommissionRates.Defaults);

        Assert.Equal(50m, figures.Sales);
        Assert.Equal(5m, figures.Commission);
    }

    [Fact]
    public void A_period_without_sales_is_all_zero()
    {
        var figures = PeriodCommission.Of([], Week48, CommissionRates.Defaults).Rounded();

        Assert.Equal(0m, figures.Sales);
        Assert.Equal(0m, figures.Commission);
        Assert.Empty(figures.Categories);
        Assert.Empty(figures.Groups);
    }
}
