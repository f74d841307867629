using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Chats;

/// <summary>
/// The answer to "帮助": what a resident can say in this group. On a channel where the bot only
/// hears @-mentions, every example starts with the mention.
/// </summary>
public sealed record HelpMessage(string GroupName, string LeaderName, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "help";
}
