using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>To the leader (and ops): the resident accepted, declined or rated. Update is a code: accepted, declined, rated.</summary>
public sealed record TicketUpdateMessage(string Number, string ResidentName, string Update, string? Resolution, string? Amount, int? Rating) : IMessageModel
{
    public static string TemplateName => "ticket-update";
}
