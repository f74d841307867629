using System.Globalization;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>
/// What ops do to a ticket, the same for <c>POST /api/tickets/{id}/resolution</c>,
/// <c>POST /api/tickets/{id}/done</c> and the console's buttons: the checks of a resolution, the
/// desk's decision or carrying out as ops, and why it was refused. The change is left in the unit
/// of work for the caller to save, so the console can add its audit entry to the same save.
/// </summary>
internal static class TicketDecisions
{
    /// <summary>
    /// The resolution <paramref name="input"/> asks for, or null with <paramref name="errors"/>
    /// filled. The refund's upper bound (what was paid) is the desk's to check: it needs the ticket.
    /// </summary>
    public static TicketDecision? Check(ResolutionRequest input, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = errors.RequiredText("kind", input.Kind, 32).ToLowerInvariant();
        errors.OneOf("kind", code, ResolutionKindCodes.All);
        if (errors.Any || !ResolutionKindCodes.TryParse(code, out var kind))
        {
            return null;
        }

        var coupon = input.Coupon == true;
        if (coupon && kind != ResolutionKind.Compensation)
        {
            errors.Add("coupon", "is only for a compensation; leave it out for a refund or an exchange.", "只有补偿才能送优惠券。");
        }

        var cashRange = $"{CashCompensation.Minimum}–{CashCompensation.Maximum}";
        switch (kind)
        {
            case ResolutionKind.Refund when input.Amount is { } refund && (refund <= 0m || decimal.Round(refund, 2) != refund):
                errors.Add("amount", "must be more than 0 yuan, in whole fen; leave it out to refund all that was paid.", "退款金额要大于 0 元，最多精确到分；不填就是全额退款。");
                break;
            case ResolutionKind.Exchange when input.Amount is not null:
                errors.Add("amount", "must be left out for an exchange: the goods are replaced, no money changes hands.", "换货不涉及金额，请不要填写。");
                break;
            case ResolutionKind.Compensation when coupon && input.Amount is not null:
                errors.Add("coupon", "cannot come with amount: a compensation is cash or the coupon, not both.", "补偿只能二选一：现金或优惠券。");
                break;
            case ResolutionKind.Compensation when !coupon && input.Amount is null:
                errors.Add("amount", $"is required for a compensation: {cashRange} yuan in cash, or send \"coupon\": true instead.", $"现金补偿请填写金额（{cashRange} 元），或改送满20减3优惠券。");
                break;
            case ResolutionKind.Compensation when input.Amount is { } cash && !CashCompensation.IsValid(cash):
                errors.Add("amount", $"must be {cashRange} yuan in whole fen for a cash compensation; more is a refund.", $"现金补偿只能是 {cashRange} 元（最多精确到分）；更多请用退款。");
                break;
        }

        if (errors.Any)
        {
            return null;
        }

        Compensation? compensation = kind != ResolutionKind.Compensation ? null
            : coupon ? CouponCompensation.Standard
            : new CashCompensation(input.Amount!.Value);
        return new TicketDecision(new Resolution(kind, now, compensation), kind == ResolutionKind.Refund ? input.Amount : null);
    }

    /// <summary>
    /// Ops decide (or change, until the resident accepts) how the ticket is settled; the resident
    /// is asked to accept. A refund above what was paid is put in <paramref name="errors"/> under amount.
    /// </summary>
    public static async Task<TicketCommandResult> DecideAsync(
        long ticketId, TicketDecision decision, TicketDesk desk, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(errors);
        var result = await desk.DecideAsync(ticketId, decision.Resolution, decision.RefundAmount, TicketActor.Api, cancellationToken);
        if (result is { Outcome: TicketCommandOutcome.BadAmount, Ticket: { } refused })
        {
            var paid = refused.Paid.ToString("0.##", CultureInfo.InvariantCulture);
            errors.Add(
                "amount",
                $"must be more than 0 and at most the {refused.Paid.ToString(CultureInfo.InvariantCulture)} yuan paid, in whole fen.",
                $"退款金额要大于 0 元，且不能超过居民实付的 {paid} 元。");
        }

        return result;
    }

    /// <summary>Ops carried out the resolution the resident accepted; the resident is told and the follow-up planned.</summary>
    public static Task<TicketCommandResult> MarkDoneAsync(long ticketId, TicketDesk desk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return desk.MarkDoneAsync(ticketId, TicketActor.Api, now, cancellationToken);
    }

    /// <summary>
    /// Saves the command's change with its outbox messages (and whatever else the caller added);
    /// false when the resident or a timer moved the ticket on meanwhile, and nothing was saved.
    /// </summary>
    public static async Task<bool> TrySaveAsync(GroupBuyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Why the desk refused, for the API (title and detail) and for the console (in Chinese).</summary>
    public static TicketRefusal Refusal(TicketCommandOutcome outcome, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var status = TicketStatusNames.Code(ticket.Status);
        var shown = TicketStatusNames.Of(ticket.Status);
        return outcome switch
        {
            TicketCommandOutcome.CannotDecide => new(
                "Cannot decide",
                $"Ticket {ticket.Number} is {status}: a resolution can be decided or changed only while the ticket is open or proposed, before the resident accepts one.",
                $"工单 {ticket.Number} 现在是“{shown}”：居民接受处理方案之后就不能再决定或更改方案了。"),
            TicketCommandOutcome.NotAccepted => new(
                "Not accepted",
                $"Ticket {ticket.Number} is {status}: only a resolution the resident accepted (in_progress) can be marked done.",
                $"工单 {ticket.Number} 现在是“{shown}”：居民接受处理方案（处理中）之后才能标记办结。"),
            TicketCommandOutcome.AlreadyDone => new(
                "Already done",
                $"Ticket {ticket.Number} is {status}: its resolution was already carried out.",
                $"工单 {ticket.Number} 现在是“{shown}”：处理方案已经办结过了。"),
            _ => new(
                "Refused",
                $"Ticket {ticket.Number} is {status}; the command was refused ({outcome}).",
                $"工单 {ticket.Number} 现在是“{shown}”，这个操作没有执行。"),
        };
    }
}
