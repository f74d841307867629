namespace GroupBuy.Conversations.Routing;

/// <summary>
/// The outbox key of an answer to a message: "reply:{channel}:{message id}:{n}", the n-th answer.
/// Keyed by the message, so a retried message never answers twice, and an answer can be traced
/// back to what it answered (the console shows an intake as the conversation it was).
/// </summary>
public static class ReplyKeys
{
    public static string Of(string channel, string messageId, int n) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix(channel)}{messageId}:{n}");

    /// <summary>What every answer to a message of <paramref name="channel"/> starts with.</summary>
    public static string Prefix(string channel) => $"reply:{channel}:";

    /// <summary>The id of the message an answer's key names; false for any other key.</summary>
    public static bool TryReadMessageId(string key, string channel, out string messageId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefix = Prefix(channel);
        var last = key.LastIndexOf(':');

        // The message id may itself hold colons; the answer's number is after the last one.
        if (key.StartsWith(prefix, StringComparison.Ordinal) && last > prefix.Length)
        {
            messageId = key[prefix.Length..last];
            return true;
        }

        messageId = string.Empty;
        return false;
    }
}
