namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader's place in a month: sales, commission and tier bonus rounded to the fen, and the
/// after-sales service of their groups (see <see cref="ServiceFigures"/>).
/// </summary>
/// <param name="SalesChampion">月度销量冠军: top of the month's sales (every leader tied at the top is).</param>
/// <param name="ServiceStar">月度服务之星, as <see cref="GroupBuy.Conversations.Commission.ServiceStar"/> chooses (every leader tied at the top is).</param>
public sealed record RankingEntry(
    int Rank,
    string Channel,
    string LeaderId,
    string LeaderName,
    decimal Sales,
    decimal Commission,
    decimal TierBonus,
    bool SalesChampion,
    int RatingCount,
    decimal? AverageRating,
    decimal? AverageFirstAnswerMinutes,
    bool ServiceStar);
