namespace GroupBuy.BotHost.Admin;

/// <summary>
/// <c>/login</c> from before the console: sign-in is the console's now (named accounts), so old
/// links and bookmarks land there.
/// </summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapAdminLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", (string? returnUrl) => Results.Redirect(
            "/console/account/login" + (string.IsNullOrEmpty(returnUrl) ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl))))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
