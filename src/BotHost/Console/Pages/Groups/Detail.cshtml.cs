using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>A group as <c>GET /api/groups/{id}</c> gives it, its leader (and the leader's other groups), and its latest campaigns.</summary>
public sealed class DetailModel(GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone) : PageModel
{
    private const int RecentCampaigns = 20;

    public Group Group { get; private set; } = null!;

    /// <summary>The other groups the same leader (same id on the same channel) leads: commission adds them up.</summary>
    public IReadOnlyList<Group> LeadersOtherGroups { get; private set; } = [];

    public IReadOnlyList<GroupCampaign> Campaigns { get; private set; } = [];

    /// <summary>The business month now, for the link to the leader's statement.</summary>
    public string Month { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        Group = group;
        LeadersOtherGroups = await db.Groups.AsNoTracking()
            .Where(g => g.Channel == group.Channel && g.LeaderId == group.LeaderId && g.Id != group.Id)
            .OrderBy(g => g.Id)
            .ToListAsync(cancellationToken);
        Campaigns = await GroupCampaigns.RecentAsync(db, id, RecentCampaigns, now, cancellationToken);
        Month = SettlementPeriod.MonthOf(now, zone).Name;
        return Page();
    }
}
