namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A ticket command as written. <see cref="Amount"/> is the yuan given (a refund's or a cash
/// compensation's), <see cref="Coupon"/> asks for the coupon; <see cref="IsMalformed"/> means the
/// words after the ticket number could not be read (asked back, never guessed).
/// </summary>
public sealed record TicketCommand(TicketCommandKind Kind, long TicketId, string Number, decimal? Amount, bool Coupon, bool IsMalformed);
