using System.Security.Claims;
using GroupBuy.Conversations.Ops;

namespace GroupBuy.BotHost.Console;

/// <summary>What the console's sign-in cookie says about the person.</summary>
public static class ConsoleClaims
{
    public const string DisplayName = "groupbuy:display-name";
    public const string MustChangePassword = "groupbuy:must-change-password";

    public static ClaimsPrincipal For(OpsAccount account, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, account.UserName),
            new Claim(DisplayName, account.DisplayName),
            new Claim(ClaimTypes.Role, account.Role),
            new Claim(MustChangePassword, account.MustChangePassword ? "true" : "false"),
        ],
        scheme));

    /// <summary>Who made a change, for the audit trail: the account, or the admin key's holder.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.Identity is { AuthenticationType: not Admin.AdminAuthentication.BearerScheme, Name: { Length: > 0 } name } ? name : ApiKeyActor;

    /// <summary>Changes made with <c>Admin:ApiKey</c> name no person; they are the key's.</summary>
    public const string ApiKeyActor = "api-key";

    public static string ShownName(this ClaimsPrincipal user) =>
        user.FindFirst(DisplayName)?.Value ?? user.Identity?.Name ?? string.Empty;
}
