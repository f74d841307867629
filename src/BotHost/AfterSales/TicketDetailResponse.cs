using System.Text.Json.Serialization;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>
/// One ticket in full, as <c>GET /api/tickets/{id}</c> and the commands answer: the summary's
/// fields, then the goods, the resident's evidence and words, and the history in order.
/// </summary>
/// <remarks>
/// <see cref="ResidentId"/> is the resident's chat user id on <see cref="Channel"/>: ops need it to
/// reach the resident when the chat is not enough (a low rating promises a call back), and the
/// orders API already shows it. Tickets hold no phone number or address, so none can leak here.
/// </remarks>
internal sealed record TicketDetailResponse : TicketSummaryResponse
{
    // The summary's fields first in the JSON, as in the list; derived properties would otherwise lead.
    private const int AfterSummary = 1;

    private TicketDetailResponse(TicketSummaryResponse summary)
        : base(summary)
    {
    }

    [JsonPropertyOrder(AfterSummary)]
    public required string Channel { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public required string ResidentId { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public required IReadOnlyList<TicketLineResponse> Lines { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public required IReadOnlyList<string> Evidence { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public required string Description { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public required decimal Paid { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public DateTimeOffset? AcceptedAt { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public DateTimeOffset? OverdueEscalatedAt { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public DateTimeOffset? FollowUpSentAt { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public DateTimeOffset? RatedAt { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public DateTimeOffset? ClosedAt { get; init; }

    [JsonPropertyOrder(AfterSummary)]
    public required IReadOnlyList<TicketEventResponse> History { get; init; }

    public static new TicketDetailResponse From(Ticket ticket, BusinessTimeZone zone) => new(TicketSummaryResponse.From(ticket, zone))
    {
        Channel = ticket.Channel,
        ResidentId = ticket.ResidentUserId,
        Lines = [.. ticket.Lines.OrderBy(l => l.ItemNo).Select(TicketLineResponse.From)],
        Evidence = [.. ticket.Evidence],
        Description = ticket.Description,
        Paid = ticket.Paid,
        AcceptedAt = zone.ToLocal(ticket.AcceptedAt),
        OverdueEscalatedAt = zone.ToLocal(ticket.OverdueEscalatedAt),
        FollowUpSentAt = zone.ToLocal(ticket.FollowUpSentAt),
        RatedAt = zone.ToLocal(ticket.RatedAt),
        ClosedAt = zone.ToLocal(ticket.ClosedAt),

        // Entries of one step share its time (decided, accepted and carried out at once); the id keeps them in the order they were added.
        History = [.. ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => TicketEventResponse.From(e, zone))],
    };
}
