using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Outbox;

/// <summary>
/// <c>Outbox:Workers</c> (sends at once per host; 0 turns sending off), <c>Outbox:GiveUpAfterMinutes</c>
/// (a message still not delivered this long after it was written is marked failed for ops).
/// </summary>
public sealed record OutboxSettings(int Workers, TimeSpan GiveUpAfter, TimeSpan PollInterval)
{
    public static OutboxSettings FromConfiguration(IConfiguration configuration) => new(
        InboxSettings.Read(configuration, "Outbox:Workers", 4, 0, 64),
        TimeSpan.FromMinutes(InboxSettings.Read(configuration, "Outbox:GiveUpAfterMinutes", 120, 1, 7 * 24 * 60)),
        TimeSpan.FromMilliseconds(InboxSettings.Read(configuration, "Outbox:PollMilliseconds", 1000, 50, 60_000)));
}
