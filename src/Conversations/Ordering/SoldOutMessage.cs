using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Ordering;

/// <summary>Tells a resident politely that an item ran out before their order.</summary>
public sealed record SoldOutMessage(string Name, int ItemNo, string ItemName, int Wanted, int Left, bool MentionRequired, string BotName) : IMessageModel
{
    public static string TemplateName => "sold-out";
}
