using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Leaders;

/// <summary>
/// Ops read leaders' commission: <c>GET /api/leaders/{leaderId}/statements?week=2026-W48[&amp;channel=][&amp;format=csv]</c>
/// (the weekly settlement statement, as JSON or as a spreadsheet) and <c>GET /api/leaders/ranking?month=2026-11</c> (sales and
/// after-sales service, with 月度销量冠军 and 月度服务之星).
/// </summary>
/// <remarks>
/// A leader is a user id on one channel. The same id on two channels may be two people, so when it
/// leads groups on both, the statement asks for <c>channel</c> rather than guess or add them up.
/// </remarks>
internal static class LeaderEndpoints
{
    public static IEndpointRouteBuilder MapLeaders(this IEndpointRouteBuilder endpoints)
    {
        var leaders = endpoints.MapGroup("/api/leaders").RequireAuthorization(AdminAuthentication.ApiPolicy);
        leaders.MapGet("/ranking", RankingAsync);
        leaders.MapGet("/{leaderId}/statements", StatementAsync);
        return endpoints;
    }

    private static async Task<IResult> StatementAsync(
        string leaderId, string? week, string? channel, string? format, CommissionReports reports, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => UnknownFormat(errors),
        };
        if (!SettlementPeriod.TryParseWeek(week, zone, out var period))
        {
            errors.Add("week", string.IsNullOrWhiteSpace(week)
                ? "is required: an ISO week such as 2026-W48 (Monday to Sunday, business time)."
                : $"'{week}' is not an ISO week; write it as 2026-W48 (Monday to Sunday, business time).");
        }

        var wanted = channel?.Trim().ToLowerInvariant();
        if (wanted is not null)
        {
            errors.OneOf("channel", wanted, ChannelNames.All);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (wanted is null)
        {
            var channels = await reports.ChannelsOfLeaderAsync(leaderId, cancellationToken);
            if (channels.Count > 1)
            {
                errors.Add("channel", $"is required: leader '{leaderId}' leads groups on {string.Join(" and ", channels)}; say which.");
                return errors.ToProblem();
            }

            wanted = channels.FirstOrDefault();
        }

        var statement = wanted is null ? null : await reports.WeeklyStatementAsync(wanted, leaderId, period, cancellationToken);
        if (statement is null)
        {
            return Problems.NotFound($"No group{(channel is null ? string.Empty : $" on {wanted}")} is led by '{leaderId}'.");
        }

        return csv
            ? Results.Stream(body => LeaderStatementCsv.WriteAsync(statement, body, cancellationToken), LeaderStatementCsv.ContentType, LeaderStatementCsv.FileName(statement))
            : Results.Ok(statement);
    }

    private static bool UnknownFormat(FieldErrors errors)
    {
        errors.Add("format", "must be json or csv (or leave it out for JSON).");
        return false;
    }

    private static async Task<IResult> RankingAsync(string? month, CommissionReports reports, BusinessTimeZone zone, CancellationToken cancellationToken)
    {
        if (!SettlementPeriod.TryParseMonth(month, zone, out var period))
        {
            var errors = new FieldErrors();
            errors.Add("month", string.IsNullOrWhiteSpace(month)
                ? "is required: a calendar month such as 2026-11 (business time)."
                : $"'{month}' is not a month; write it as 2026-11 (business time).");
            return errors.ToProblem();
        }

        return Results.Ok(await reports.RankingAsync(period, cancellationToken));
    }
}
