using GroupBuy.Conversations.Outbox;

namespace GroupBuy.BotHost.Outbox;

internal enum RetryOutcome
{
    Requeued = 0,
    NotFound = 1,

    /// <summary>Only a failed message can be sent again.</summary>
    Refused = 2,
}

/// <summary>What retrying a message did (unsaved), or why it could not.</summary>
internal sealed record RetryResult(RetryOutcome Outcome, string? Reason, OutboundMessage? Message);
