using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Inbox;

/// <summary>
/// <c>Inbox:Workers</c> (chats processed at once per host, each in order; 0 turns
/// processing off, e.g. for a host that only takes webhooks), <c>Inbox:MaxAttempts</c>.
/// </summary>
public sealed record InboxSettings(int Workers, int MaxAttempts, TimeSpan PollInterval)
{
    public static InboxSettings FromConfiguration(IConfiguration configuration)
    {
        var workers = Read(configuration, "Inbox:Workers", 4, 0, 64);
        var attempts = Read(configuration, "Inbox:MaxAttempts", 5, 1, 100);
        var poll = TimeSpan.FromMilliseconds(Read(configuration, "Inbox:PollMilliseconds", 1000, 50, 60_000));
        return new InboxSettings(workers, attempts, poll);
    }

    internal static int Read(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidSettingException($"{key} is '{text}'; use a whole number from {min} to {max}.");
    }
}
