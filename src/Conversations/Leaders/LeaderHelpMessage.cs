using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>The leader's "帮助": every command they can give in the group.</summary>
public sealed record LeaderHelpMessage(string LeaderName, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "leader-help";
}
