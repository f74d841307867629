using System.Globalization;
using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>
/// Ops follow and settle after-sales tickets: <c>GET /api/tickets</c> (newest first,
/// <c>?status=</c>, <c>?limit=</c>), <c>GET /api/tickets/{id}</c>, <c>POST /api/tickets/{id}/resolution</c>
/// and <c>POST /api/tickets/{id}/done</c>, as ops would with 退款/换货/补偿/完成 in the ops chat.
/// A ticket is named by its id (24) or its number (T1024).
/// </summary>
internal static class TicketEndpoints
{
    private const int DefaultLimit = 100;

    // A list is for reading on a screen; older tickets are reached by status or by number.
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder endpoints)
    {
        var tickets = endpoints.MapGroup("/api/tickets").RequireAuthorization(AdminAuthentication.ApiPolicy);
        tickets.MapGet("/", ListAsync);
        tickets.MapGet("/{id}", GetAsync);
        tickets.MapPost("/{id}/resolution", DecideAsync);
        tickets.MapPost("/{id}/done", DoneAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? status, string? limit, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        TicketStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (TicketStatusNames.TryParseCode(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"'{status}' is not a ticket status; use one of: {string.Join(", ", Enum.GetValues<TicketStatus>().Select(TicketStatusNames.Code))}.");
            }
        }

        var take = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit} (default {DefaultLimit}).");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Tickets.AsNoTracking();
        if (wanted is { } only)
        {
            query = query.Where(t => t.Status == only);
        }

        // Ids grow with intake, so the highest id is the newest ticket (and no clock ties).
        var tickets = await query.OrderByDescending(t => t.Id).Take(take).ToListAsync(cancellationToken);
        return Results.Ok(tickets.Select(t => TicketSummaryResponse.From(t, zone)));
    }

    private static async Task<IResult> GetAsync(string id, TicketDesk desk, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var ticket = TryReadId(id, out var ticketId) ? await desk.FindAsync(ticketId, cancellationToken) : null;
        return ticket is null ? NotFound(id) : Results.Ok(TicketDetailResponse.From(ticket, zone));
    }

    /// <summary>Ops decide (or change, until the resident accepts) how the ticket is settled; the resident is asked to accept.</summary>
    private static async Task<IResult> DecideAsync(
        string id, HttpRequest request, TicketDesk desk, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ResolutionRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var errors = new FieldErrors();
        var decision = Check(input, clock.GetUtcNow(), errors);
        if (decision is null)
        {
            return errors.ToProblem();
        }

        if (!TryReadId(id, out var ticketId))
        {
            return NotFound(id);
        }

        var result = await desk.DecideAsync(ticketId, decision.Value.Resolution, decision.Value.RefundAmount, TicketActor.Api, cancellationToken);
        if (result is { Outcome: TicketCommandOutcome.BadAmount, Ticket: { } refused })
        {
            errors.Add("amount", $"must be more than 0 and at most the {refused.Paid.ToString(CultureInfo.InvariantCulture)} yuan paid, in whole fen.");
            return errors.ToProblem();
        }

        return await AnswerAsync(id, result, db, zone, cancellationToken);
    }

    /// <summary>Ops carried out the resolution the resident accepted; the resident is told and the follow-up planned.</summary>
    private static async Task<IResult> DoneAsync(
        string id, TicketDesk desk, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (!TryReadId(id, out var ticketId))
        {
            return NotFound(id);
        }

        var result = await desk.MarkDoneAsync(ticketId, TicketActor.Api, clock.GetUtcNow(), cancellationToken);
        return await AnswerAsync(id, result, db, zone, cancellationToken);
    }

    /// <summary>
    /// The resolution a body asks for, or null with <paramref name="errors"/> filled. The refund's
    /// upper bound (what was paid) is the desk's to check: it needs the ticket.
    /// </summary>
    private static (Resolution Resolution, decimal? RefundAmount)? Check(ResolutionRequest input, DateTimeOffset now, FieldErrors errors)
    {
        var code = errors.RequiredText("kind", input.Kind, 32).ToLowerInvariant();
        errors.OneOf("kind", code, ResolutionKindCodes.All);
        if (errors.Any || !ResolutionKindCodes.TryParse(code, out var kind))
        {
            return null;
        }

        var coupon = input.Coupon == true;
        if (coupon && kind != ResolutionKind.Compensation)
        {
            errors.Add("coupon", "is only for a compensation; leave it out for a refund or an exchange.");
        }

        switch (kind)
        {
            case ResolutionKind.Refund when input.Amount is { } refund && (refund <= 0m || decimal.Round(refund, 2) != refund):
                errors.Add("amount", "must be more than 0 yuan, in whole fen; leave it out to refund all that was paid.");
                break;
            case ResolutionKind.Exchange when input.Amount is not null:
                errors.Add("amount", "must be left out for an exchange: the goods are replaced, no money changes hands.");
                break;
            case ResolutionKind.Compensation when coupon && input.Amount is not null:
                errors.Add("coupon", "cannot come with amount: a compensation is cash or the coupon, not both.");
                break;
            case ResolutionKind.Compensation when !coupon && input.Amount is null:
                errors.Add("amount", $"is required for a compensation: {CashCompensation.Minimum}–{CashCompensation.Maximum} yuan in cash, or send \"coupon\": true instead.");
                break;
            case ResolutionKind.Compensation when input.Amount is { } cash && !CashCompensation.IsValid(cash):
                errors.Add("amount", $"must be {CashCompensation.Minimum}–{CashCompensation.Maximum} yuan in whole fen for a cash compensation; more is a refund.");
                break;
        }

        if (errors.Any)
        {
            return null;
        }

        Compensation? compensation = kind != ResolutionKind.Compensation ? null
            : coupon ? CouponCompensation.Standard
            : new CashCompensation(input.Amount!.Value);
        return (new Resolution(kind, now, compensation), kind == ResolutionKind.Refund ? input.Amount : null);
    }

    /// <summary>
    /// Saves a command's change together with its outbox messages, or answers why there was none.
    /// Nothing is saved on a refusal, so a refused request leaves no trace.
    /// </summary>
    private static async Task<IResult> AnswerAsync(string id, TicketCommandResult result, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (result.Ticket is not { } ticket || result.Outcome == TicketCommandOutcome.NotFound)
        {
            return NotFound(id);
        }

        if (!result.Succeeded)
        {
            var (title, detail) = Refusal(result.Outcome, ticket);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The resident (or a timer) moved the ticket on while this request was handled.
            return Problems.ChangedMeanwhile($"Ticket {ticket.Number}");
        }

        return Results.Ok(TicketDetailResponse.From(ticket, zone));
    }

    private static (string Title, string Detail) Refusal(TicketCommandOutcome outcome, Ticket ticket)
    {
        var status = TicketStatusNames.Code(ticket.Status);
        return outcome switch
        {
            TicketCommandOutcome.CannotDecide => ("Cannot decide", $"Ticket {ticket.Number} is {status}: a resolution can be decided or changed only while the ticket is open or proposed, before the resident accepts one."),
            TicketCommandOutcome.NotAccepted => ("Not accepted", $"Ticket {ticket.Number} is {status}: only a resolution the resident accepted (in_progress) can be marked done."),
            TicketCommandOutcome.AlreadyDone => ("Already done", $"Ticket {ticket.Number} is {status}: its resolution was already carried out."),
            _ => ("Refused", $"Ticket {ticket.Number} is {status}; the command was refused ({outcome})."),
        };
    }

    /// <summary>"24" is ticket 24, and so is "T1024", the number residents and leaders see.</summary>
    private static bool TryReadId(string text, out long ticketId)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ticketId) && ticketId > 0)
        {
            return true;
        }

        if (TicketNumber.TryParse(text, out var fromNumber))
        {
            ticketId = fromNumber.Value;
            return true;
        }

        ticketId = 0;
        return false;
    }

    private static IResult NotFound(string id) => Problems.NotFound($"There is no ticket '{id}'; name it by its id (24) or its number (T1024).");
}
