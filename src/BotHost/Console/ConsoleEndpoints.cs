namespace GroupBuy.BotHost.Console;

internal static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        // Someone who opens the bare address wants the console (or its sign-in page).
        endpoints.MapGet("/", () => Results.Redirect("/console")).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
