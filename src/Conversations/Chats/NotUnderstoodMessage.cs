using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Chats;

/// <summary>
/// The answer to something said to the bot (privately, or with an @-mention in a group) that no
/// handler took: say so, and point to what it can do, instead of leaving the person unanswered.
/// </summary>
public sealed record NotUnderstoodMessage(string Name, bool InGroup, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "not-understood";
}
