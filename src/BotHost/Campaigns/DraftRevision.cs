using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.BotHost.Campaigns;

internal enum RevisionOutcome
{
    Revised = 0,
    NotFound = 1,

    /// <summary>Only a draft can be replaced: residents have seen a published one.</summary>
    Refused = 2,

    /// <summary>The body broke a rule; the errors say which.</summary>
    Invalid = 3,
}

/// <summary>What replacing a draft did: the campaign as revised (unsaved) with its checked body, or why not.</summary>
internal sealed record DraftRevision(RevisionOutcome Outcome, string? Reason, Campaign? Campaign, ValidCampaign? Valid);
