using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>Every registered group, as <c>GET /api/groups</c> lists them, with the campaigns taking orders in each.</summary>
public sealed class IndexModel(GroupBuyDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GroupListRow> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var taking = await GroupCampaigns.TakingOrdersAsync(db, clock.GetUtcNow(), cancellationToken);
        Groups = [.. groups.Select(g => new GroupListRow(g, [.. taking[g.Id]]))];
    }
}
