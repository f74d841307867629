using GroupBuy.BotHost.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Account;

public sealed class LoginModel : PageModel
{
    private readonly OpsAccounts accounts;
    private readonly SignInThrottle throttle;

    public LoginModel(OpsAccounts accounts, SignInThrottle throttle)
    {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.TryAttempt(address, UserName ?? string.Empty))
        {
            Error = "尝试次数太多，请过几分钟再试。";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var account = await accounts.SignInAsync(UserName ?? string.Empty, Password ?? string.Empty, cancellationToken);
        if (account is null)
        {
            Error = "账号或密码不对，请重试。";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(AdminAuthentication.CookieScheme, ConsoleClaims.For(account, AdminAuthentication.CookieScheme));
        if (account.MustChangePassword)
        {
            return RedirectToPage("/Account/Password");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/console");
    }
}
