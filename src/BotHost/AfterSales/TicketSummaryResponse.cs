using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>
/// A ticket as <c>GET /api/tickets</c> lists it: enough to see what waits on whom. Not sealed:
/// the detail is this and more, so both carry the same fields under the same names.
/// </summary>
internal record TicketSummaryResponse(
    long Id,
    string Number,
    string Status,
    string Type,
    string ResidentName,
    long GroupId,
    long OrderId,
    long CampaignId,
    DateTimeOffset CreatedAt,
    DateTimeOffset FirstAnswerDueAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EscalatedAt,
    TicketResolutionResponse? Resolution,
    DateTimeOffset? DoneAt,
    int? Rating)
{
    public static TicketSummaryResponse From(Ticket ticket, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(
            ticket.Id,
            ticket.Number,
            TicketStatusNames.Code(ticket.Status),
            IssueTypeNames.Code(ticket.Type),
            ticket.ResidentName,
            ticket.GroupId,
            ticket.OrderId,
            ticket.CampaignId,
            zone.ToLocal(ticket.CreatedAt),
            zone.ToLocal(ticket.FirstAnswerDueAt),
            zone.ToLocal(ticket.AnsweredAt),
            zone.ToLocal(ticket.EscalatedAt),
            TicketResolutionResponse.From(ticket, zone),
            zone.ToLocal(ticket.DoneAt),
            ticket.Rating);
    }
}
