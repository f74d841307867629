using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Health;

internal static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary><c>GET /healthz</c>: 200 once storage is reachable and migrated, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (StorageReadiness readiness, GroupBuyDbContext db, CancellationToken cancellationToken) =>
        {
            if (!readiness.IsMigrated)
            {
                return Unavailable("storage is not migrated yet");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            bool reachable;
            try
            {
                reachable = await db.Database.CanConnectAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                reachable = false;
            }

            return reachable ? Results.Json(new HealthStatus("ok")) : Unavailable("storage is unreachable");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Unavailable(string reason) =>
        Results.Json(new HealthStatus("unavailable", reason), statusCode: StatusCodes.Status503ServiceUnavailable);

    private sealed record HealthStatus(
        string Status,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
}
