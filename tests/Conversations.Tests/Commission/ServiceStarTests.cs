using GroupBuy.Conversations.Commission;
using Xunit;

namespace GroupBuy.Conversations.Tests.Commission;

public sealed class ServiceStarTests
{
    private static IReadOnlyList<string> Stars(params (string Name, ServiceFigures Service)[] leaders) =>
        [.. ServiceStar.Among(leaders, l => l.Service).Select(l => l.Name)];

    [Fact]
    public void The_highest_average_rating_is_star()
    {
        Assert.Equal(["李姐"], Stars(("王姐", new ServiceFigures(10, 4.5m, 5m)), ("李姐", new ServiceFigures(3, 4.67m, 60m))));
    }

    [Fact]
    public void Fewer_than_three_ratings_cannot_make_a_star()
    {
        Assert.Equal(3, ServiceStar.MinimumRatings);
        Assert.Equal(["王姐"], Stars(("王姐", new ServiceFigures(3, 4m, 20m)), ("李姐", new ServiceFigures(2, 5m, 1m))));
        Assert.Empty(Stars(("王姐", new ServiceFigures(2, 5m, 20m)), ("李姐", new ServiceFigures(1, 5m, 1m)), ("赵哥", ServiceFigures.None)));
    }

    [Fact]
    public void Equal_ratings_go_to_the_faster_first_answer_and_an_unknown_time_never_wins()
    {
        Assert.Equal(
            ["赵哥"],
            Stars(("王姐", new ServiceFigures(5, 4.8m, 42.5m)), ("赵哥", new ServiceFigures(4, 4.8m, 12.25m)), ("李姐", new ServiceFigures(3, 4.8m, null))));
    }

    [Fact]
    public void Leaders_tied_on_rating_and_answer_time_are_all_star()
    {
        Assert.Equal(
            ["王姐", "赵哥"],
            Stars(("王姐", new ServiceFigures(5, 4.8m, 12.25m)), ("李姐", new ServiceFigures(6, 4.5m, 2m)), ("赵哥", new ServiceFigures(3, 4.8m, 12.25m))));
        Assert.Equal(["王姐", "赵哥"], Stars(("王姐", new ServiceFigures(3, 5m, null)), ("赵哥", new ServiceFigures(4, 5m, null))));
    }
}
