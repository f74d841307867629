using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>In the group: the intake goes on in the private chat, so nothing of it is shown to the others.</summary>
public sealed record AfterSalesMovedMessage(string Name) : IMessageModel
{
    public static string TemplateName => "after-sales-moved";
}
