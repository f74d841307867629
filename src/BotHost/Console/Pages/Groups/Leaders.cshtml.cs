using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>
/// The leaders' monthly ranking, as <c>GET /api/leaders/ranking?month=</c> computes it
/// (<see cref="CommissionReports.RankingAsync"/>): the current business month unless another is picked.
/// </summary>
public sealed class LeadersModel(CommissionReports reports, TimeProvider clock, BusinessTimeZone zone) : PageModel
{
    /// <summary><c>?month=2026-11</c>, as the month picker sends it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public SettlementPeriod Period { get; private set; } = null!;

    public MonthlyRanking Ranking { get; private set; } = null!;

    public bool IsCurrentMonth { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = SettlementPeriod.MonthOf(clock.GetUtcNow(), zone);
        Period = current;
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (SettlementPeriod.TryParseMonth(Month, zone, out var picked))
            {
                Period = picked;
            }
            else
            {
                ModelState.AddModelError(nameof(Month), $"“{Month}”不是月份，请按 2026-11 这样选；下面是本月的排行。");
            }
        }

        IsCurrentMonth = Period == current;
        Month = Period.Name;
        Ranking = await reports.RankingAsync(Period, cancellationToken);
    }

    /// <summary>The month before or after the one shown, for the arrows beside the picker.</summary>
    public string Neighbour(int months)
    {
        var first = Period.FirstDay.AddMonths(months);
        return SettlementPeriod.Month(first.Year, first.Month, zone).Name;
    }
}
