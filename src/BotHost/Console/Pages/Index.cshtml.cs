using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
