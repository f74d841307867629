using GroupBuy.Conversations.Commission;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class TierProgressTests
{
    [Fact]
    public void Below_5000_there_is_no_bonus_and_the_rest_to_5000_is_shown()
    {
        Assert.Equal(new TierProgress(0m, 5_000m, 500m, 5_000m), TierProgress.For(0m));
        Assert.Equal(new TierProgress(0m, 5_000m, 500m, 0.01m), TierProgress.For(4_999.99m));
    }

    [Fact]
    public void Exactly_5000_earns_500_and_points_at_10000()
    {
        Assert.Equal(new TierProgress(500m, 10_000m, 1_200m, 5_000m), TierProgress.For(5_000m));
        Assert.Equal(new TierProgress(500m, 10_000m, 1_200m, 0.01m), TierProgress.For(9_999.99m));
    }

    [Fact]
    public void Exactly_10000_earns_1200_which_replaces_the_500_rather_than_adding_to_it()
    {
        Assert.Equal(new TierProgress(1_200m, null, null, null), TierProgress.For(10_000m));
        Assert.Equal(new TierProgress(1_200m, null, null, null), TierProgress.For(25_000m));
    }
}
