using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>Tells a resident, once a day per command, that a command is the leader's.</summary>
public sealed record LeaderOnlyMessage(string Name, string Command, string LeaderName) : IMessageModel
{
    public static string TemplateName => "leader-only";
}
