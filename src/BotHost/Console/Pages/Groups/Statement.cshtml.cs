using System.Globalization;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>
/// A leader's commission statement for a month (the ranking's figures, by category and group) or
/// for a settlement week (<c>GET /api/leaders/{leaderId}/statements?week=</c>), from the same
/// <see cref="CommissionReports"/>, with a CSV of it. As in the API, a leader id used on two
/// channels needs the channel.
/// </summary>
public sealed class StatementModel(CommissionReports reports, GroupBuyDbContext db, TimeProvider clock, BusinessTimeZone zone) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Leader { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    /// <summary><c>?month=2026-11</c>; the current business month when neither it nor a week is given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    /// <summary><c>?week=2026-W48</c>: the weekly settlement statement instead.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Week { get; set; }

    public SettlementPeriod Period { get; private set; } = null!;

    public bool IsWeek { get; private set; }

    public LeaderStatement? Statement { get; private set; }

    /// <summary>The groups the leader leads on the channel (with sales or not).</summary>
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>When the id leads groups on several channels and none was named: the ones to choose from.</summary>
    public IReadOnlyList<string> ChannelChoices { get; private set; } = [];

    /// <summary>The settlement weeks that touch the month shown (or the week's own month).</summary>
    public IReadOnlyList<SettlementPeriod> Weeks { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Statement is null && ChannelChoices.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>下载 CSV: the statement shown, as <c>?format=csv</c> gives a week's through the API.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Statement is null || !ModelState.IsValid)
        {
            return NotFound();
        }

        using var csv = new MemoryStream();
        await LeaderStatementCsv.WriteAsync(Statement, csv, cancellationToken);
        return File(csv.ToArray(), LeaderStatementCsv.ContentType, LeaderStatementCsv.FileName(Statement));
    }

    /// <summary>The month shown, or the month the week shown ends in.</summary>
    public SettlementPeriod MonthPeriod { get; private set; } = null!;

    /// <summary>This leader's statement for another period (<c>month=…</c> or <c>week=…</c>), or its CSV.</summary>
    public string Link(string period, bool csv = false) =>
        $"/console/groups/leaders/statement{(csv ? "/csv" : string.Empty)}?channel={Uri.EscapeDataString(Statement?.Channel ?? Channel ?? string.Empty)}&leader={Uri.EscapeDataString(Leader ?? string.Empty)}&{period}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Period = ReadPeriod();
        var month = IsWeek ? SettlementPeriod.MonthOf(Period.End.AddTicks(-1), zone) : Period;
        Month = month.Name;
        MonthPeriod = month;
        Weeks = WeeksOf(month);
        Leader = Leader?.Trim();
        if (string.IsNullOrEmpty(Leader))
        {
            Problem = "没有指定团长。请从排行或群页面点进来。";
            return;
        }

        var channel = Channel?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(channel))
        {
            var channels = await reports.ChannelsOfLeaderAsync(Leader, cancellationToken);
            if (channels.Count > 1)
            {
                ChannelChoices = channels;
                return;
            }

            channel = channels.FirstOrDefault();
        }

        Statement = channel is null ? null : IsWeek
            ? await reports.WeeklyStatementAsync(channel, Leader, Period, cancellationToken)
            : await reports.MonthlyStatementAsync(channel, Leader, Period, cancellationToken);
        if (Statement is null)
        {
            Problem = $"没有哪个群登记的团长 ID 是“{Leader}”{(string.IsNullOrEmpty(Channel) ? string.Empty : "（在这个渠道）")}。";
            return;
        }

        Channel = Statement.Channel;
        Groups = await db.Groups.AsNoTracking().Where(g => g.Channel == Statement.Channel && g.LeaderId == Statement.LeaderId).OrderBy(g => g.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The week asked for, else the month asked for, else the current business month; a malformed one is said beside its picker.</summary>
    private SettlementPeriod ReadPeriod()
    {
        if (!string.IsNullOrWhiteSpace(Week))
        {
            if (SettlementPeriod.TryParseWeek(Week, zone, out var week))
            {
                IsWeek = true;
                Week = week.Name;
                return week;
            }

            ModelState.AddModelError(nameof(Week), $"“{Week}”不是结算周，请按 2026-W48 这样选；下面是本月的结算单。");
        }
        else if (!string.IsNullOrWhiteSpace(Month))
        {
            if (SettlementPeriod.TryParseMonth(Month, zone, out var picked))
            {
                Month = picked.Name;
                return picked;
            }

            ModelState.AddModelError(nameof(Month), $"“{Month}”不是月份，请按 2026-11 这样选；下面是本月的结算单。");
        }

        var current = SettlementPeriod.MonthOf(clock.GetUtcNow(), zone);
        Month = current.Name;
        Week = null;
        return current;
    }

    private List<SettlementPeriod> WeeksOf(SettlementPeriod month)
    {
        var weeks = new List<SettlementPeriod>();
        for (var week = SettlementPeriod.WeekOf(month.Start, zone); week.Start < month.End; week = SettlementPeriod.WeekOf(week.End, zone))
        {
            weeks.Add(week);
        }

        return weeks;
    }

    /// <summary>"2026年第48周".</summary>
    public static string WeekName(SettlementPeriod week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var parts = week.Name.Split("-W");
        return string.Create(CultureInfo.InvariantCulture, $"{parts[0]}年第{int.Parse(parts[1], CultureInfo.InvariantCulture)}周");
    }
}
