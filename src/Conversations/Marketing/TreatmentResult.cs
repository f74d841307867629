namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// What a day's treatments did: messages queued (each with its coupons), and residents passed
/// over because they said 退订, already had marketing that day, had their treatment recently, or
/// cannot be treated (<see cref="NotReachable"/>: dormant without ever buying, so nothing to win
/// back, or no chat to reach them in).
/// </summary>
public sealed record TreatmentResult(DateOnly Day, int Queued, int OptedOut, int Capped, int Recent, int NotReachable);
