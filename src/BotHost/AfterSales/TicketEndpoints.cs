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
        if (TicketDecisions.Check(input, clock.GetUtcNow(), errors) is not { } decision)
        {
            return errors.ToProblem();
        }

        if (!TryReadId(id, out var ticketId))
        {
            return NotFound(id);
        }

        var result = await TicketDecisions.DecideAsync(ticketId, decision, desk, errors, cancellationToken);
        if (errors.Any)
        {
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

        var result = await TicketDecisions.MarkDoneAsync(ticketId, desk, clock.GetUtcNow(), cancellationToken);
        return await AnswerAsync(id, result, db, zone, cancellationToken);
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
            var refusal = TicketDecisions.Refusal(result.Outcome, ticket);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, detail: refusal.Detail);
        }

        if (!await TicketDecisions.TrySaveAsync(db, cancellationToken))
        {
            // The resident (or a timer) moved the ticket on while this request was handled.
            return Problems.ChangedMeanwhile($"Ticket {ticket.Number}");
        }

        return Results.Ok(TicketDetailResponse.From(ticket, zone));
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
