using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Ordering.Acknowledgements;

/// <summary>
/// <c>Ordering:AckDelaySeconds</c> (default 5): how long an acknowledgement collects orders in a
/// chat before it goes out as one message. Longer is quieter in a busy group; 0 answers each burst at once.
/// </summary>
public sealed record AckSettings(TimeSpan Delay)
{
    public const string DelaySecondsKey = "Ordering:AckDelaySeconds";

    public static AckSettings FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(InboxSettings.Read(configuration, DelaySecondsKey, 5, 0, 60)));
}
