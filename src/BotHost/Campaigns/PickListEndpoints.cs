using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.PickLists;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// The warehouse's pick list (分拣单) of a campaign: JSON for scripts and the console, CSV for
/// Excel. Reading it gives pickup codes to the orders of chats whose ordering is over (see
/// <see cref="PickListBuilder"/>), so it is not a pure read, though reading it twice is.
/// </summary>
internal static class PickListEndpoints
{
    private const string CsvMediaType = "text/csv";

    public static IEndpointRouteBuilder MapPickLists(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapGroup("/api/campaigns").RequireAuthorization(AdminAuthentication.ApiPolicy);
        campaigns.MapGet("/{id:long}/picklist", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, HttpRequest request, PickListBuilder builder, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString().Trim().ToLowerInvariant();
        if (format.Length > 0 && format is not ("json" or "csv"))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = ["must be json or csv (or leave it out and send Accept: text/csv)."] },
                detail: "format: must be json or csv.",
                title: "The query is not valid");
        }

        var result = await builder.BuildAsync(id, cancellationToken);
        if (result.List is not { } list)
        {
            return result.Outcome == PickListOutcome.NotFound
                ? Problems.NotFound(result.Reason!)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No pick list yet", detail: result.Reason);
        }

        // The same URL answers JSON or CSV by Accept: caches must keep them apart.
        request.HttpContext.Response.Headers.Vary = "Accept";
        return format == "csv" || (format.Length == 0 && PrefersCsv(request))
            ? Results.Stream(body => PickListCsv.WriteAsync(list, body, cancellationToken), PickListCsv.ContentType, PickListCsv.FileName(list))
            : Results.Ok(list);
    }

    /// <summary>Accept names text/csv, and no JSON type above it (a browser's */* does not count).</summary>
    private static bool PrefersCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();

        var csv = Quality(CsvMediaType);
        return csv > 0 && csv >= Quality("application/json");
    }
}
