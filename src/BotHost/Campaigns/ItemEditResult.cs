using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.BotHost.Campaigns;

internal enum ItemEditOutcome
{
    Changed = 0,

    /// <summary>No such campaign, or no such item in it.</summary>
    NotFound = 1,

    /// <summary>The campaign's state forbids the change (published: only stock; closed: nothing).</summary>
    Refused = 2,

    /// <summary>The item as it would be breaks a rule; the errors say which.</summary>
    Invalid = 3,

    /// <summary>The campaign moved on (published, closed) between the check and the change; nothing changed.</summary>
    ChangedMeanwhile = 4,
}

/// <summary>What changing an item did: the campaign as it is now, or why nothing changed.</summary>
internal sealed record ItemEditResult(ItemEditOutcome Outcome, string? Reason, Campaign? Campaign);
