using System.Globalization;
using GroupBuy.BotHost.AfterSales;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// One ticket: who and what, the intake as it was said, the evidence, the order, the history,
/// and ops' actions (a resolution, 办结), each through the admin API's own use case
/// (<see cref="TicketDecisions"/>) and audited in the same save.
/// </summary>
public sealed class DetailModel(GroupBuyDbContext db, TicketDesk desk, Audit audit, TimeProvider clock) : PageModel
{
    public Ticket? Ticket { get; private set; }

    public Group? Group { get; private set; }

    public string CampaignTitle { get; private set; } = string.Empty;

    /// <summary>The order as it stands now (the ticket keeps its own copy of the lines); null if it is gone.</summary>
    public Order? Order { get; private set; }

    public IReadOnlyList<TranscriptLine> Conversation { get; private set; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];

    /// <summary>Oldest first; entries of one step share its time, the id keeps them in order.</summary>
    public IReadOnlyList<TicketEvent> History { get; private set; } = [];

    /// <summary>What was done to this ticket from the console, by whom.</summary>
    public IReadOnlyList<AuditEntry> ConsoleActions { get; private set; } = [];

    public TicketDeadline? Deadline { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the last action was refused, in Chinese, shown at the top of the actions.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Problems = TempData["Problems"] as string[] ?? [];
        Now = clock.GetUtcNow();
        Ticket = await db.Tickets.AsNoTracking().Include(t => t.Lines).Include(t => t.Events)
            .FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (Ticket is null)
        {
            return NotFound();
        }

        Group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == Ticket.GroupId, cancellationToken);
        CampaignTitle = await db.Campaigns.Where(c => c.Id == Ticket.CampaignId).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        Order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Ticket.OrderId, cancellationToken);
        Conversation = await IntakeTranscript.LoadAsync(db, Ticket, cancellationToken);
        Evidence = [.. Ticket.Evidence.Select(EvidenceItem.Read)];
        History = [.. Ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id)];
        var subject = Subject(id);
        ConsoleActions = await db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        Deadline = TicketDeadline.Of(Ticket, Now);
        return Page();
    }

    /// <summary>
    /// 退款 / 换货 / 现金补偿 / 送券: decides, or changes before the resident accepts, how the ticket
    /// is settled, as <c>POST /api/tickets/{id}/resolution</c>; the resident is asked to accept.
    /// <paramref name="kind"/> is refund, exchange, cash or coupon (the form's four buttons).
    /// </summary>
    public async Task<IActionResult> OnPostResolutionAsync(long id, string? kind, string? amount, CancellationToken cancellationToken)
    {
        if (!TryReadAmount(amount, out var yuan))
        {
            return Back(id, problems: ["金额请填写数字，例如 8.5。"]);
        }

        var input = kind switch
        {
            "cash" => new ResolutionRequest("compensation", yuan, Coupon: false),
            "coupon" => new ResolutionRequest("compensation", yuan, Coupon: true),
            _ => new ResolutionRequest(kind, yuan, Coupon: null),
        };
        var errors = new FieldErrors();
        if (TicketDecisions.Check(input, clock.GetUtcNow(), errors) is not { } decision)
        {
            return Back(id, problems: InChinese(errors));
        }

        var result = await TicketDecisions.DecideAsync(id, decision, desk, errors, cancellationToken);
        if (result.Ticket is not { } ticket)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            return Back(id, problems: InChinese(errors));
        }

        if (!result.Succeeded)
        {
            return Back(id, problems: [TicketDecisions.Refusal(result.Outcome, ticket).InChinese]);
        }

        var text = ResolutionText.Of(ticket.Resolution!, ticket.RefundAmount ?? 0m);
        var named = text.Amount is null ? text.Name : $"{text.Name} {text.Amount} 元";
        audit.Record(User, "ticket.resolution", Subject(id), $"{ticket.Number}: {named}");
        if (!await TicketDecisions.TrySaveAsync(db, cancellationToken))
        {
            return Back(id, problems: [ChangedMeanwhile(ticket)]);
        }

        var allowed = ResolutionDeadlines.Allowed(ticket.ResolutionKind!.Value);
        var within = allowed >= TimeSpan.FromDays(2)
            ? string.Create(CultureInfo.InvariantCulture, $"{allowed.TotalDays:0} 天")
            : string.Create(CultureInfo.InvariantCulture, $"{allowed.TotalHours:0} 小时");
        return Back(id, notice: $"已把处理方案（{named}）发给{ticket.ResidentName}，等居民确认；居民接受后要在 {within}内办完。");
    }

    /// <summary>办结: ops carried out the accepted resolution, as <c>POST /api/tickets/{id}/done</c>; the resident is told and the follow-up planned.</summary>
    public async Task<IActionResult> OnPostDoneAsync(long id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            return Back(id, problems: ["标记办结前请先勾选确认：居民会马上收到办结通知。"]);
        }

        var result = await TicketDecisions.MarkDoneAsync(id, desk, clock.GetUtcNow(), cancellationToken);
        if (result.Ticket is not { } ticket)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return Back(id, problems: [TicketDecisions.Refusal(result.Outcome, ticket).InChinese]);
        }

        audit.Record(User, "ticket.done", Subject(id), ticket.Number);
        if (!await TicketDecisions.TrySaveAsync(db, cancellationToken))
        {
            return Back(id, problems: [ChangedMeanwhile(ticket)]);
        }

        return Back(id, notice: $"工单 {ticket.Number} 已办结，{ticket.ResidentName}会收到通知，之后会自动回访。");
    }

    private static string Subject(long id) => string.Create(CultureInfo.InvariantCulture, $"ticket {id}");

    private static string ChangedMeanwhile(Ticket ticket) => $"工单 {ticket.Number} 刚刚有了变化（居民的回复或定时提醒），这次操作没有保存；请看最新状态后再操作。";

    /// <summary>Empty is no amount; "8.5" and "8.5元" are 8.5.</summary>
    private static bool TryReadAmount(string? text, out decimal? yuan)
    {
        yuan = null;
        var trimmed = text?.Trim().TrimEnd('元').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        yuan = parsed;
        return true;
    }

    private static string[] InChinese(FieldErrors errors) =>
        [.. errors.InChinese().SelectMany(e => e.Value.Select(message => $"{FieldName(e.Key)}：{message}"))];

    private static string FieldName(string field) => field switch
    {
        "amount" => "金额",
        "coupon" => "优惠券",
        _ => "处理方式",
    };

    /// <summary>Post-Redirect-Get back to the ticket, with what happened for the next page to say.</summary>
    private RedirectResult Back(long id, string? notice = null, string[]? problems = null)
    {
        if (notice is not null)
        {
            TempData["Notice"] = notice;
        }

        if (problems is { Length: > 0 })
        {
            TempData["Problems"] = problems;
        }

        return Redirect($"/console/tickets/{id}");
    }
}
