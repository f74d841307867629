using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Marketing;

/// <summary>The answer to 退订.</summary>
public sealed record UnsubscribedMessage(string Name) : IMessageModel
{
    public static string TemplateName => "marketing-unsubscribed";
}
