using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>Ops tell a campaign's groups where the goods are (已到仓/分拣中, 已送达社区); each group hears each stage once.</summary>
internal static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressNotices(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapGroup("/api/campaigns").RequireAuthorization(AdminAuthentication.ApiPolicy);
        campaigns.MapPost("/{id:long}/progress", PostAsync);
        return endpoints;
    }

    private static async Task<IResult> PostAsync(long id, HttpRequest request, ProgressNotices notices, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ProgressRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Problem!;
        }

        var errors = new FieldErrors();
        var name = errors.RequiredText("stage", input.Stage, 32);
        errors.OneOf("stage", name, SupplyStages.Names);
        if (errors.Any || !SupplyStages.TryParse(name, out var stage))
        {
            return errors.ToProblem();
        }

        var result = await notices.SendAsync(id, stage, cancellationToken);
        return result.Outcome switch
        {
            ProgressOutcome.NotFound => Problems.NotFound(result.Reason!),
            ProgressOutcome.Refused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot send progress", detail: result.Reason),
            _ => Results.Accepted($"/api/campaigns/{id}", new ProgressResponse(id, SupplyStages.NameOf(stage), result.Queued, result.AlreadyQueued, result.Warnings)),
        };
    }
}
