using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Outbox;

/// <summary>
/// <c>GET /api/outbox?status=failed</c>: what the bot could not deliver, and why, for ops to see
/// (newest first, at most 200); <c>POST /api/outbox/{id}/retry</c> sends a failed one again.
/// </summary>
internal static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/outbox", ListAsync).RequireAuthorization(AdminAuthentication.ApiPolicy);
        endpoints.MapPost("/api/outbox/{id:long}/retry", RetryAsync).RequireAuthorization(AdminAuthentication.ApiPolicy);
        return endpoints;
    }

    /// <summary>Puts a failed message back in the queue, with a fresh give-up time (<see cref="OutboxDesk.RequeueAsync"/>).</summary>
    private static async Task<IResult> RetryAsync(long id, GroupBuyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await OutboxDesk.RequeueAsync(db, id, clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case RetryOutcome.NotFound:
                return Problems.NotFound(result.Reason!);
            case RetryOutcome.Refused:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot retry", detail: result.Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Results.Accepted($"/api/outbox?status=pending", new { id, status = "pending" });
    }

    private static async Task<IResult> ListAsync(string? status, GroupBuyDbContext db, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var wanted = OutboundMessageStatus.Failed;
        if (!string.IsNullOrWhiteSpace(status) && !Enum.TryParse(status, ignoreCase: true, out wanted))
        {
            var errors = new FieldErrors();
            errors.Add("status", "must be one of: pending, sent, failed.");
            return errors.ToProblem();
        }

        var messages = await OutboxDesk.ListAsync(db, wanted, cancellationToken);
        return Results.Ok(messages.Select(m => new
        {
            m.Id,
            m.Channel,
            m.ChatId,
            m.ToUserId,
            m.Text,
            m.IdempotencyKey,
            m.Status,
            m.Attempts,
            m.LastError,
            CreatedAt = zone.ToLocal(m.CreatedAt),
            DueAt = zone.ToLocal(m.DueAt),
            SentAt = m.SentAt is { } sent ? zone.ToLocal(sent) : (DateTimeOffset?)null,
        }));
    }
}
