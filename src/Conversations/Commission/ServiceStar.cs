namespace GroupBuy.Conversations.Commission;

/// <summary>月度服务之星: the month's best after-sales service among the leaders of a ranking.</summary>
public static class ServiceStar
{
    /// <summary>
    /// Below this many ratings in the month a leader cannot be star: a single 5-star rating would
    /// otherwise beat a leader who served dozens of residents almost as well.
    /// </summary>
    public const int MinimumRatings = 3;

    /// <summary>
    /// The leaders with the highest average rating among those with at least
    /// <see cref="MinimumRatings"/>; between equal ratings, the faster average first answer wins
    /// (an unknown answer time never beats a known one). Leaders still tied are all star, as tied
    /// sales are all champion: picking one by name or id would be arbitrary. Compared as shown
    /// (rounded), so the published figures explain the choice. Empty when nobody has enough ratings.
    /// </summary>
    public static IReadOnlyList<T> Among<T>(IEnumerable<T> leaders, Func<T, ServiceFigures> service)
    {
        ArgumentNullException.ThrowIfNull(leaders);
        ArgumentNullException.ThrowIfNull(service);
        var eligible = leaders.Where(l => service(l).RatingCount >= MinimumRatings).ToList();
        if (eligible.Count == 0)
        {
            return [];
        }

        var bestRating = eligible.Max(l => service(l).AverageRating);
        var topRated = eligible.Where(l => service(l).AverageRating == bestRating).ToList();
        var fastest = topRated.Min(l => service(l).AverageFirstAnswerMinutes);
        return fastest is null ? topRated : [.. topRated.Where(l => service(l).AverageFirstAnswerMinutes == fastest)];
    }
}
