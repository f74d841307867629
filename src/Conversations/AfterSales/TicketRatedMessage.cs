using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>Thanks for the rating; a low one is passed on.</summary>
public sealed record TicketRatedMessage(string Name, int Rating) : IMessageModel
{
    public static string TemplateName => "ticket-rated";
}
