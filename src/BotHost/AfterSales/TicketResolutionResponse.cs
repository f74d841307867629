using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>
/// What was decided: refundAmount for a refund, cash or coupon for a compensation, who decided
/// (a leader's user id, or "ops") and by when it must be carried out.
/// </summary>
internal sealed record TicketResolutionResponse(
    string Kind,
    decimal? RefundAmount,
    decimal? Cash,
    bool Coupon,
    DateTimeOffset DecidedAt,
    string? DecidedBy,
    DateTimeOffset? DueAt)
{
    public static TicketResolutionResponse? From(Ticket ticket, BusinessTimeZone zone) => ticket.Resolution is { } resolution
        ? new(
            ResolutionKindCodes.Code(resolution.Kind),
            ticket.RefundAmount,
            ticket.CompensationCash,
            resolution.Compensation is CouponCompensation,
            zone.ToLocal(resolution.DecidedAt),
            ticket.DecidedBy,
            zone.ToLocal(ticket.DueAt))
        : null;
}
