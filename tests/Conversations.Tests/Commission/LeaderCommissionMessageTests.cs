using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Time;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class LeaderCommissionMessageTests
{
    private static readonly BusinessTimeZone Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public void Money_reads_with_thousands_and_fen_and_bonuses_as_whole_yuan()
    {
        var commission = new LeaderCommission(
            new Leader("gateway", "u-li", "李姐"),
            SettlementPeriod.Week(2026, 48, Shanghai),
            1_234.5m,
            98.76m,
            SettlementPeriod.Month(2026, 11, Shanghai),
            5_500m,
            440m,
            TierProgress.For(5_500m));

        var message = LeaderCommissionMessage.From(commission);

        Assert.Equal(
            new LeaderCommissionMessage("李姐", "11月23日–11月29日", "1,234.50", "98.76", "11月", "5,500.00", "440.00", true, "500", true, "1,200", "4,500.00"),
            message);
    }

    [Fact]
    public void At_the_top_tier_there_is_no_next_tier()
    {
        var commission = new LeaderCommission(
            new Leader("wecom", "zhangsan", "张姐"),
            SettlementPeriod.Week(2026, 53, Shanghai),
            0m,
            0m,
            SettlementPeriod.Month(2026, 12, Shanghai),
            10_000m,
            1_000m,
            TierProgress.For(10_000m));

        var message = LeaderCommissionMessage.From(commission);

        Assert.Equal("12月28日–1月3日", message.Week);
        Assert.Equal("0.00", message.WeekSales);
        Assert.Equal("1,200", message.TierBonus);
        Assert.False(message.HasNextTier);
        Assert.Equal(string.Empty, message.SalesToNextTier);
    }
}
