using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Marketing;

/// <summary>The answer to 恢复订阅.</summary>
public sealed record ResubscribedMessage(string Name) : IMessageModel
{
    public static string TemplateName => "marketing-resubscribed";
}
