using System.Net;
using Microsoft.AspNetCore.Authentication;

namespace GroupBuy.BotHost.Admin;

/// <summary>
/// Browser sign-in for ops with the admin key; the cookie opens the Hangfire dashboard.
/// Attempts are rate-limited per client address.
/// </summary>
internal static class LoginEndpoints
{
    public const string RateLimitPolicy = "login";

    public static IEndpointRouteBuilder MapAdminLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", (string? returnUrl) => Page(returnUrl, failed: false))
            .AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/login", async (HttpContext context, AdminApiKey apiKey) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            if (!apiKey.Matches(form["apiKey"].ToString()))
            {
                return Page(returnUrl, failed: true);
            }

            await context.SignInAsync(AdminAuthentication.CookieScheme, AdminAuthentication.AdminPrincipal(AdminAuthentication.CookieScheme));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/hangfire");
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();

        endpoints.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(AdminAuthentication.CookieScheme);
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    // Only same-site paths: a login link must not bounce the signed-in admin to another site.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Page(string? returnUrl, bool failed)
    {
        var error = failed ? "<p class=\"error\">密钥不对，请重试。</p>" : string.Empty;
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>GroupBuy 运营登录</title>
            <style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
            input,button{width:100%;padding:.6rem;margin:.4rem 0;box-sizing:border-box}.error{color:#b00020}</style></head>
            <body><h1>运营登录</h1>{{error}}
            <form method="post" action="/login">
            <label for="apiKey">管理密钥</label>
            <input id="apiKey" name="apiKey" type="password" autocomplete="current-password" required autofocus>
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? string.Empty)}}">
            <button type="submit">登录</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
