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

    private SimulatorMessage(string? chatId, string personId, string senderName, bool fromBot, string text, IEnumerable<string> mentions, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ChatId = chatId;
        PersonId = personId;
        SenderName = senderName;
        FromBot = fromBot;
        Text = text;
        Mentions = [.. mentions];
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

    public DateTimeOffset At { get; private set; }

    public static SimulatorMessage Said(string? chatId, string personId, string senderName, string text, DateTimeOffset at) =>
        new(chatId, personId, senderName, fromBot: false, text, [], at);

    public static SimulatorMessage Sent(string? chatId, string toPersonId, string botName, string text, IEnumerable<string> mentions, DateTimeOffset at) =>
        new(chatId, toPersonId, botName, fromBot: true, text, mentions, at);
}
