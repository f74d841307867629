using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Outbox;

/// <summary>
/// <c>GET /api/outbox?status=failed</c>: what the bot could not deliver, and why, for ops to see;
/// newest first, at most 200.
/// </summary>
internal static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/outbox", ListAsync).RequireAuthorization(AdminAuthentication.ApiPolicy);
        return endpoints;
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

        var messages = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Status == wanted)
            .OrderByDescending(m => m.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
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
