namespace GroupBuy.Conversations.Campaigns;

public enum PublishOutcome
{
    Published = 0,
    NotFound = 1,

    /// <summary>The campaign cannot be published as it is (already published, cut-off passed, no items).</summary>
    Refused = 2,
}

/// <summary>What publishing did: the previews queued, and anything ops should know.</summary>
public sealed record PublishResult(PublishOutcome Outcome, string? Reason, IReadOnlyList<string> Warnings, int PreviewsQueued);
