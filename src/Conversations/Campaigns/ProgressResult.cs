namespace GroupBuy.Conversations.Campaigns;

public enum ProgressOutcome
{
    Queued = 0,
    NotFound = 1,

    /// <summary>A draft has no residents waiting for goods.</summary>
    Refused = 2,
}

/// <summary>
/// What a progress notice did: how many groups it was queued for now, how many had it from an
/// earlier call (sent, or still on its way), and what ops should know about the rest.
/// </summary>
public sealed record ProgressResult(ProgressOutcome Outcome, string? Reason, int Queued, int AlreadyQueued, IReadOnlyList<string> Warnings);
