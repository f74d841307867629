using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Ordering;

/// <summary>Asks a resident back when their reply looks like an order but cannot be read without guessing.</summary>
public sealed record OrderUnclearMessage(string Name, bool SingleItem, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "order-unclear";
}
