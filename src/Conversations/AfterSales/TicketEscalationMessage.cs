using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>To ops: a ticket needs them. Reason is a code: no_answer (nobody answered within the hour), overdue (the resolution is late), unconfirmed (the resident never answered the proposal), declined (the resident did not accept).</summary>
public sealed record TicketEscalationMessage(string Number, string Reason, string GroupName, string LeaderName, string ResidentName, string Type, string? Resolution, string? Amount, string? DueAt) : IMessageModel
{
    public static string TemplateName => "ticket-escalation";
}
