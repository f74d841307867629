namespace GroupBuy.Conversations.Campaigns;

public enum CutOffOutcome
{
    Closed = 0,
    NotFound = 1,

    /// <summary>The campaign was never published: there is nothing to cut off.</summary>
    Refused = 2,
}

/// <summary>What a campaign-wide cut-off did: when it closed (the first time), announcements queued now, and what ops should know.</summary>
public sealed record CutOffResult(CutOffOutcome Outcome, string? Reason, DateTimeOffset? ClosedAt, int AnnouncementsQueued, IReadOnlyList<string> Warnings);
