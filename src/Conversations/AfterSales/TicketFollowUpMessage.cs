using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>The follow-up (回访): a 1–5 rating of how the problem was handled.</summary>
public sealed record TicketFollowUpMessage(string Name, string Number, string Title, bool InGroup = false) : IMessageModel
{
    public static string TemplateName => "ticket-follow-up";
}
