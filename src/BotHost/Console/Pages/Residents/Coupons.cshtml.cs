using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Residents;

/// <summary>
/// The coupons issued (by the segment treatments and after-sales), newest first, filtered by where
/// they stand or by resident. Read-only: coupons are issued and taken by the bot's own rules.
/// </summary>
public sealed class CouponsModel(GroupBuyDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxListed = 500;

    /// <summary><c>?status=usable|used|expired</c>; anything else lists them all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary><c>?resident=12</c>: one resident's coupons.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Resident { get; set; }

    public CouponStatus? Only { get; private set; }

    /// <summary>The resident's name when the list is one resident's.</summary>
    public string? ResidentName { get; private set; }

    public IReadOnlyDictionary<CouponStatus, int> Counts { get; private set; } = new Dictionary<CouponStatus, int>();

    public IReadOnlyList<CouponRow> Coupons { get; private set; } = [];

    public int Matched { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var coupons = db.Set<Coupon>().AsNoTracking();
        if (Resident is { } residentId)
        {
            coupons = coupons.Where(c => c.ResidentId == residentId);
            ResidentName = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }

        var counts = new Dictionary<CouponStatus, int>();
        foreach (var status in CouponStatuses.All)
        {
            counts[status] = await coupons.CountAsync(CouponStatuses.Is(status, now), cancellationToken);
        }

        Counts = counts;
        if (CouponStatuses.TryParse(Status, out var only))
        {
            Only = only;
            coupons = coupons.Where(CouponStatuses.Is(only, now));
        }

        Matched = Only is { } shown ? counts[shown] : counts.Values.Sum();
        var rows = await (
            from coupon in coupons
            join resident in db.Residents on coupon.ResidentId equals resident.Id
            join order in db.Orders on coupon.UsedOnOrderId equals (long?)order.Id into used
            from order in used.DefaultIfEmpty()
            join campaign in db.Campaigns on order.CampaignId equals campaign.Id into campaigns
            from campaign in campaigns.DefaultIfEmpty()
            orderby coupon.Id descending
            select new { coupon, resident.DisplayName, resident.Channel, CampaignId = (long?)campaign.Id, CampaignTitle = campaign.Title })
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        Coupons = [.. rows.Select(r => new CouponRow(r.coupon, r.DisplayName, r.Channel, CouponStatuses.Of(r.coupon, now), r.CampaignId, r.CampaignTitle))];
    }
}
