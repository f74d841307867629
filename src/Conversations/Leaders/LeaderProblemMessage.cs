using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// Why a leader's command could not be done, and how to say it right. <see cref="Problem"/> picks
/// the wording in the template (a snake_case code such as unknown_code); <see cref="Argument"/> is
/// what the leader wrote that it is about, <see cref="Title"/> the campaign when there is one.
/// </summary>
public sealed record LeaderProblemMessage(string Problem, string Argument, string Title, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "leader-problem";
}
