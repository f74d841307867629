using System.Security.Claims;
using System.Text.Encodings.Web;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Admin;

internal static class AdminAuthentication
{
    /// <summary>Bearer key: scripts and the admin API.</summary>
    public const string BearerScheme = "AdminBearer";

    /// <summary>Browser sign-in with a console account: the console and the Hangfire dashboard.</summary>
    public const string CookieScheme = "AdminCookie";

    /// <summary>Bearer when an Authorization header is sent, else the cookie.</summary>
    public const string AnyScheme = "Admin";

    /// <summary><c>/api/*</c>: bearer key only, per the contract (no cookie, so no cross-site requests).</summary>
    public const string ApiPolicy = "AdminApi";

    /// <summary>Console pages: a signed-in account, ops or viewer (changes are checked per request).</summary>
    public const string ConsolePolicy = "AdminConsole";

    /// <summary>The Hangfire dashboard: the admin key, or a signed-in ops account.</summary>
    public const string JobsPolicy = "Jobs";

    public const string AdminRole = "admin";

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AdminApiKey>();
        services.AddAuthentication(AnyScheme)
            .AddPolicyScheme(AnyScheme, "Admin", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? BearerScheme : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, AdminBearerHandler>(BearerScheme, null)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "groupbuy.admin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/console/account/login";
                options.LogoutPath = "/console/account/logout";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateAccountAsync;
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(BearerScheme).RequireRole(AdminRole))
            .AddPolicy(ConsolePolicy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireRole(OpsRole.All))
            .AddPolicy(JobsPolicy, policy => policy.AddAuthenticationSchemes(AnyScheme).RequireRole(AdminRole, OpsRole.Ops));
        return services;
    }

    // A disabled or deleted account loses its open sessions at the next request, not in 8 hours.
    private static async Task ValidateAccountAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var db = context.HttpContext.RequestServices.GetRequiredService<GroupBuyDbContext>();
        var valid = long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var accountId)
            && await db.OpsAccounts.AnyAsync(a => a.Id == accountId && !a.Disabled, context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    public static ClaimsPrincipal AdminPrincipal(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AdminRole)], scheme));
}

/// <summary>Checks <c>Authorization: Bearer &lt;Admin:ApiKey&gt;</c>; answers 401/403 as problem details.</summary>
internal sealed class AdminBearerHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly AdminApiKey apiKey;

    public AdminBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminApiKey apiKey)
        : base(options, logger, encoder)
    {
        this.apiKey = apiKey;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("Only bearer authorization is accepted."));
        }

        if (!apiKey.Matches(header["Bearer ".Length..].Trim()))
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer key is wrong."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(AdminAuthentication.AdminPrincipal(Scheme.Name), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = apiKey.IsConfigured
            ? "Send the admin key as 'Authorization: Bearer <key>'."
            : $"The admin API is closed because {AdminApiKey.ConfigurationKey} is not set on this host.";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This key may not do that.");
}
