using GroupBuy.Conversations.Commission;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class ServiceFiguresTests
{
    [Fact]
    public void Averages_are_rounded_half_up_to_two_decimals()
    {
        // 14 / 3 = 4.666…; (10 + 20.5 + 0.25 + 1) / 4 = 7.9375 minutes, half up to 7.94.
        var figures = ServiceFigures.Of(
            [5, 5, 4],
            [TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20.5), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)]);

        Assert.Equal(new ServiceFigures(3, 4.67m, 7.94m), figures);
    }

    [Fact]
    public void Without_ratings_or_answers_the_averages_are_null()
    {
        Assert.Equal(ServiceFigures.None, ServiceFigures.Of([], []));
        Assert.Equal(new ServiceFigures(1, 3m, null), ServiceFigures.Of([3], []));
        Assert.Equal(new ServiceFigures(0, null, 90m), ServiceFigures.Of([], [TimeSpan.FromHours(1.5)]));
    }
}
