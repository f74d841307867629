using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using GroupBuy.BotHost.Http;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Admin;

internal static class AdminAuthentication
{
    /// <summary>Bearer key: scripts and the admin API.</summary>
    public const string BearerScheme = "AdminBearer";

    /// <summary>Browser sign-in with the same key: the Hangfire dashboard and, later, the console.</summary>
    public const string CookieScheme = "AdminCookie";

    /// <summary>Bearer when an Authorization header is sent, else the cookie.</summary>
    public const string AnyScheme = "Admin";

    /// <summary><c>/api/*</c>: bearer key only, per the contract (no cookie, so no cross-site requests).</summary>
    public const string ApiPolicy = "AdminApi";

    /// <summary>Pages for people: bearer or signed-in cookie.</summary>
    public const string ConsolePolicy = "AdminConsole";

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
                options.LoginPath = "/login";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(BearerScheme).RequireRole(AdminRole))
            .AddPolicy(ConsolePolicy, policy => policy.AddAuthenticationSchemes(AnyScheme).RequireRole(AdminRole));
        return services;
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
