using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>A new ticket, for the leader (privately) and for ops; says how to resolve it. Photos: the addresses of the photos sent, so they can be looked at.</summary>
public sealed record TicketNoticeMessage(string Number, bool ForOps, string GroupName, string LeaderName, string ResidentName, string Type, string Title, IReadOnlyList<string> Lines, string Description, int Evidence, string AnswerBy, IReadOnlyList<string>? Photos = null) : IMessageModel
{
    public static string TemplateName => "ticket-notice";
}
