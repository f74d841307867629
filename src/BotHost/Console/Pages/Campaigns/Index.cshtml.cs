using GroupBuy.BotHost.Campaigns;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>Campaigns newest first, as <c>GET /api/campaigns</c> lists them (at most 200), with where each stands and its orders.</summary>
public sealed class IndexModel(GroupBuyDbContext db, TimeProvider clock) : PageModel
{
    private const int MaxListed = 200;

    /// <summary><c>?status=draft|taking|closed</c>; anything else lists them all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public CampaignStage? Only { get; private set; }

    public IReadOnlyList<CampaignListRow> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Campaigns.AsNoTracking();
        if (CampaignStages.TryParse(Status, out var stage))
        {
            Only = stage;
            query = query.Where(CampaignStages.Is(stage, now));
        }

        var campaigns = await query.Include(c => c.Chats).OrderByDescending(c => c.Id).Take(MaxListed).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var orders = await CampaignOrders.CountAsync(db, ids, cancellationToken);
        var groupIds = campaigns.SelectMany(c => c.Chats.Select(ch => ch.GroupId)).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        Campaigns = [.. campaigns.Select(c => new CampaignListRow(
            c.Id,
            c.Title,
            CampaignStages.Of(c, now),
            [.. c.Chats.Select(ch => groups.GetValueOrDefault(ch.GroupId) ?? string.Empty)],
            c.ClosesAt,
            c.PickupAt,
            orders.GetValueOrDefault(c.Id)))];
    }
}
