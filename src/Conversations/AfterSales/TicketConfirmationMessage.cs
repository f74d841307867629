using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>To the resident, after they accepted or declined.</summary>
public sealed record TicketConfirmationMessage(string Name, string Number, bool Accepted, string Resolution, string? Amount, string DueAt) : IMessageModel
{
    public static string TemplateName => "ticket-confirmation";
}
