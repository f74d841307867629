namespace GroupBuy.Conversations.Commission;

/// <summary>A leader's place in a month: sales, commission and tier bonus rounded to the fen.</summary>
/// <param name="SalesChampion">月度销量冠军: top of the month's sales (every leader tied at the top is).</param>
public sealed record RankingEntry(
    int Rank,
    string Channel,
    string LeaderId,
    string LeaderName,
    decimal Sales,
    decimal Commission,
    decimal TierBonus,
    bool SalesChampion);
