using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>To the resident: the decided resolution, asking them to accept it.</summary>
public sealed record TicketProposalMessage(string Name, string Number, string Resolution, string? Amount, string DueAt, bool InGroup = false) : IMessageModel
{
    public static string TemplateName => "ticket-proposal";
}
