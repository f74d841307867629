using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// Post-Redirect-Get for console actions: what happened travels to the next page in TempData
/// (the layout says the notice; a page says its problem and warnings), so a reload never repeats the action.
/// </summary>
public static class PageOutcome
{
    public static RedirectResult RedirectWith(this PageModel page, string url, string? notice = null, string? problem = null, IReadOnlyList<string>? warnings = null)
    {
        if (notice is not null)
        {
            page.TempData["Notice"] = notice;
        }

        if (problem is not null)
        {
            page.TempData["Problem"] = problem;
        }

        if (warnings is { Count: > 0 })
        {
            page.TempData["Warnings"] = warnings.ToArray();
        }

        return new RedirectResult(url);
    }
}
