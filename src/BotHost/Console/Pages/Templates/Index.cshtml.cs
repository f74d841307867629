using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Templates;

public sealed class IndexModel(TemplateStore store, BusinessTimeZone zone) : PageModel
{
    public IReadOnlyList<TemplateState> Templates { get; private set; } = [];

    public BusinessTimeZone Zone => zone;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Templates = await store.ListAsync(cancellationToken);
}
