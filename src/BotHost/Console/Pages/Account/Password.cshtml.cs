using System.Security.Claims;
using GroupBuy.BotHost.Admin;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Account;

public sealed class PasswordModel(OpsAccounts accounts, Audit audit, GroupBuyDbContext db) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = string.Empty;

    [BindProperty]
    public string New { get; set; } = string.Empty;

    [BindProperty]
    public string Repeat { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public bool MustChange => User.HasClaim(ConsoleClaims.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        var account = await accounts.FindAsync(id, cancellationToken);
        if (account is null)
        {
            return Forbid();
        }

        Error = !accounts.PasswordMatches(account, Current) ? "当前密码不对。"
            : OpsAccounts.PasswordProblem(New) is { } problem ? problem
            : New != Repeat ? "两次输入的新密码不一样。"
            : New == Current ? "新密码不能和当前密码一样。"
            : null;
        if (Error is not null)
        {
            return Page();
        }

        accounts.ChangePassword(account, New);
        audit.Record(User, "account.password", account.UserName);
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.SignInAsync(AdminAuthentication.CookieScheme, ConsoleClaims.For(account, AdminAuthentication.CookieScheme));
        TempData["Notice"] = "密码已保存。";
        return RedirectToPage("/Index");
    }
}
