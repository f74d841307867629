using Microsoft.AspNetCore.Mvc;

namespace GroupBuy.BotHost.Http;

/// <summary>Every error leaves as <c>application/problem+json</c> with words a person can act on.</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already exists", detail: detail);

    /// <summary>A save lost to another change of the same row (a version conflict): nothing was stored.</summary>
    public static IResult ChangedMeanwhile(string what, string how = "changed") =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Changed meanwhile",
            detail: $"{what} was {how} while this request was handled; nothing was stored. Read it again and retry.");

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
