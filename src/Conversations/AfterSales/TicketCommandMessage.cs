using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>The answer to a leader's or ops' ticket command. Outcome is a code: decided, done, not_found, not_yours, own_ticket, cannot_decide, not_accepted, already_done, bad_amount. Paid: what the resident paid, when a refund asked for more.</summary>
public sealed record TicketCommandMessage(string Outcome, string? Number, string? Resolution, string? Amount, string? Status, string? Paid = null) : IMessageModel
{
    public static string TemplateName => "ticket-command";
}
