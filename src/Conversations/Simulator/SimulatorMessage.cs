namespace GroupBuy.Conversations.Simulator;

/// <summary>
/// One line of a simulated chat, as the simulator page shows it: what a person typed (it also went
/// into the inbox like any webhook) or what the bot sent (it left the outbox through the simulator
/// channel). Stored, so every host and every open browser sees the same conversation.
/// </summary>
public sealed class SimulatorMessage
{
    private SimulatorMessage()
    {
        PersonId = SenderName = Text = string.Empty;
    }

    private SimulatorMessage(string? chatId, string personId, string senderName, bool fromBot, string text, IEnumerable<string> mentions, string? idempotencyKey, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ChatId = chatId;
        PersonId = personId;
        SenderName = senderName;
        FromBot = fromBot;
        Text = text;
        Mentions = [.. mentions];
        IdempotencyKey = idempotencyKey;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>The group chat; null for a private conversation between the bot and <see cref="PersonId"/>.</summary>
    public string? ChatId { get; private set; }

    /// <summary>Who spoke, or, for the bot's private messages, to whom.</summary>
    public string PersonId { get; private set; }

    public string SenderName { get; private set; }

    public bool FromBot { get; private set; }

    public string Text { get; private set; }

    public List<string> Mentions { get; private set; } = [];

    /// <summary>The outbox message's key for what the bot sent: unique, so a delivery the outbox retries shows once.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The id group messages of the bot carry as <see cref="PersonId"/>.</summary>
    public const string Bot = "bot";

    public static SimulatorMessage Said(string? chatId, string personId, string senderName, string text, DateTimeOffset at) =>
        new(chatId, personId, senderName, fromBot: false, text, [], idempotencyKey: null, at);

    /// <summary>What the bot sent: into the group (<paramref name="toPersonId"/> null) or privately.</summary>
    public static SimulatorMessage Sent(string? chatId, string? toPersonId, string botName, string text, IEnumerable<string> mentions, string idempotencyKey, DateTimeOffset at) =>
        new(chatId, toPersonId ?? Bot, botName, fromBot: true, text, mentions, idempotencyKey, at);
}
