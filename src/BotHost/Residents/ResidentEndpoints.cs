using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Segments;

namespace GroupBuy.BotHost.Residents;

/// <summary>
/// Ops read residents by segment: <c>GET /api/residents?segment=core|active|dormant</c> (all
/// segmented residents without it), each with their current segment, the business day it was
/// computed for, purchases and spend in the 30 days before that day.
/// </summary>
internal static class ResidentEndpoints
{
    private static readonly string[] SegmentNames = ["core", "active", "dormant"];

    public static IEndpointRouteBuilder MapResidents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/residents").RequireAuthorization(AdminAuthentication.ApiPolicy).MapGet("/", ListAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? segment, ResidentSegments segments, CancellationToken cancellationToken)
    {
        Segment? wanted = null;
        if (segment is not null)
        {
            var name = segment.Trim().ToLowerInvariant();
            if (!SegmentNames.Contains(name))
            {
                var errors = new FieldErrors();
                errors.Add("segment", $"'{segment}' is not a segment; use one of: {string.Join(", ", SegmentNames)}.");
                return errors.ToProblem();
            }

            wanted = Enum.Parse<Segment>(name, ignoreCase: true);
        }

        var residents = await segments.CurrentAsync(wanted, cancellationToken);
        return Results.Ok(residents.Select(r => new
        {
            id = r.Id,
            channel = r.Channel,
            userId = r.UserId,
            name = r.Name,
            segment = r.Segment.ToString().ToLowerInvariant(),
            day = r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            purchases = r.Purchases,
            spend = r.Spend,
        }));
    }
}
