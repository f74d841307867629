using GroupBuy.BotHost.Console;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Admin;

/// <summary>
/// Records every change a script makes through the admin API (a POST, PUT, PATCH or DELETE under
/// <c>/api/</c> that succeeded) with who made it, so the audit trail is whole without each
/// endpoint remembering to write it. Endpoints that store nothing (dry runs, previews) or that
/// record their change in its own save (templates) say so with <see cref="NoApiAuditEntry"/>.
/// </summary>
internal sealed class ApiChangeAudit(RequestDelegate next)
{
    private static readonly HashSet<string> ChangingMethods = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock)
    {
        await next(context);

        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || !ChangingMethods.Contains(context.Request.Method)
            || context.Response.StatusCode is < 200 or > 299
            || context.GetEndpoint() is not RouteEndpoint endpoint
            || endpoint.Metadata.GetMetadata<NoApiAuditEntry>() is not null)
        {
            return;
        }

        // A scope of its own: the request's unit of work has done its job and may hold state we must not save twice.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        db.AuditEntries.Add(new AuditEntry(
            context.User.Actor(),
            $"api {context.Request.Method.ToUpperInvariant()} /{endpoint.RoutePattern.RawText?.Trim('/')}",
            context.Request.Path.Value ?? string.Empty,
            $"{context.Response.StatusCode}",
            clock.GetUtcNow()));
        // The change is stored already; its record must be too, even if the caller has gone.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
