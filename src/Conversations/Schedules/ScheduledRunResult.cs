namespace GroupBuy.Conversations.Schedules;

public enum ScheduledRunOutcome
{
    /// <summary>This execution published the occurrence's campaign.</summary>
    Published = 0,

    /// <summary>The occurrence was published before (a retry, or another host got there first); nothing new was sent.</summary>
    AlreadyPublished = 1,

    /// <summary>The schedule was deleted or disabled since the job was queued.</summary>
    NotRunning = 2,

    /// <summary>The campaign could not be published (its cut-off has passed, say); nothing was stored.</summary>
    Refused = 3,
}

/// <summary>
/// What a run of a schedule did. <see cref="CutOffPending"/> is true when the campaign's cut-off
/// job still has to be scheduled (by this execution, or by the retry of one that stopped first).
/// </summary>
public sealed record ScheduledRunResult(
    ScheduledRunOutcome Outcome,
    string? Reason,
    DateTimeOffset? RunAt,
    long? CampaignId,
    DateTimeOffset? ClosesAt,
    int PreviewsQueued,
    IReadOnlyList<string> Warnings,
    bool CutOffPending);
