using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GroupBuy.BotHost.Http;

/// <summary>
/// A request that fails because the database cannot be reached (stopped, restarting, out of
/// connections) answers 503 with Retry-After instead of a bare 500: nothing was stored, and a
/// bridge or WeCom sends the same message again, which is then stored once.
/// </summary>
internal sealed class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachableStorage(exception))
        {
            return false;
        }

        logger.LogWarning("Storage is unreachable; answered {Method} {Path} with 503 ({Reason})",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = $"The database cannot be reached just now; nothing was stored. Send the same request again in {RetryAfterSeconds} s.",
            },
        });
    }

    private static bool IsUnreachableStorage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // Npgsql marks refused connections, dropped sessions and timeouts as transient; SQLite a busy file.
            if (current is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
