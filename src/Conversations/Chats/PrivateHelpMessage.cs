using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Chats;

/// <summary>
/// The answer to "帮助" in a private chat with the bot: what can be done here (after-sales,
/// marketing opt-out) and that ordering happens in the building's group.
/// </summary>
public sealed record PrivateHelpMessage(string BotName) : IMessageModel
{
    public static string TemplateName => "help-private";
}
