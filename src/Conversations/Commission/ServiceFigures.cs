namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader's after-sales service over a month, as 月度服务之星 is judged on: the residents'
/// ratings given in the month and how long the first answer took on tickets taken in that month.
/// </summary>
/// <param name="AverageRating">The mean 1–5 rating, to two decimals; null without ratings.</param>
/// <param name="AverageFirstAnswerMinutes">
/// The mean time from taking a ticket in to the first decision on it, in minutes to two decimals;
/// null when no ticket of the month has been answered.
/// </param>
public sealed record ServiceFigures(int RatingCount, decimal? AverageRating, decimal? AverageFirstAnswerMinutes)
{
    public static readonly ServiceFigures None = new(0, null, null);

    /// <summary>
    /// The two measures count different tickets: a rating arrives after the resolution is carried
    /// out, often in the month after the ticket was taken in, while answer times belong to the month
    /// the resident asked in.
    /// </summary>
    public static ServiceFigures Of(IEnumerable<int> ratings, IEnumerable<TimeSpan> firstAnswers)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(firstAnswers);
        var given = ratings.ToList();
        var answers = firstAnswers.ToList();
        return new ServiceFigures(
            given.Count,
            given.Count == 0 ? null : Hundredths((decimal)given.Sum() / given.Count),
            answers.Count == 0 ? null : Hundredths(answers.Sum(a => (decimal)a.Ticks / TimeSpan.TicksPerMinute) / answers.Count));
    }

    // Half up (四舍五入), like every other figure of the ranking, so a hand check agrees.
    private static decimal Hundredths(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
