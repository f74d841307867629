namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// What a day's treatments did: messages queued (each with its coupons), and residents passed
/// over because they said 退订, already had marketing that day, had their treatment recently,
/// never bought (nothing to win back), or have no chat to be reached in.
/// </summary>
public sealed record TreatmentResult(DateOnly Day, int Queued, int OptedOut, int Capped, int Recent, int NotReachable);
