using GroupBuy.BotHost.Campaigns;
using GroupBuy.BotHost.Console.Pages.Campaigns;
using GroupBuy.BotHost.Outbox;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.PickLists;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages;

/// <summary>
/// 今日: what needs ops now. Campaigns taking orders, the last hour's orders, after-sales tickets
/// at or near a deadline, and messages the bot could not deliver, each with 重试 as the API's retry.
/// </summary>
public sealed class IndexModel(GroupBuyDbContext db, Audit audit, TimeProvider clock) : PageModel
{
    /// <summary>A ticket whose deadline is this close is listed, as well as one past it.</summary>
    public static readonly TimeSpan NearDeadline = TimeSpan.FromHours(1);

    public static readonly TimeSpan RecentOrders = TimeSpan.FromHours(1);

    private const int LatestOrders = 5;

    public IReadOnlyList<CampaignListRow> TakingOrders { get; private set; } = [];

    public int RecentOrderCount { get; private set; }

    public IReadOnlyList<RecentOrder> Latest { get; private set; } = [];

    public IReadOnlyList<TicketDue> Tickets { get; private set; } = [];

    public IReadOnlyList<OutboundMessage> Failed { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Problem = TempData["Problem"] as string;
        Now = clock.GetUtcNow();
        await LoadCampaignsAsync(cancellationToken);
        await LoadOrdersAsync(cancellationToken);
        await LoadTicketsAsync(cancellationToken);
        Failed = await OutboxDesk.ListAsync(db, OutboundMessageStatus.Failed, cancellationToken);
    }

    /// <summary>重试: a failed message back in the queue with a fresh give-up time, as <c>POST /api/outbox/{id}/retry</c>.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var result = await OutboxDesk.RequeueAsync(db, id, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome != RetryOutcome.Requeued)
        {
            TempData["Problem"] = result.Outcome == RetryOutcome.NotFound
                ? "没有这条消息。"
                : "这条消息已经不是发送失败的状态（可能已经重试过了），没有再排队。";
            return RedirectToPage();
        }

        var message = result.Message!;
        audit.Record(User, "outbox.retry", $"outbox {id}", message.IdempotencyKey);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"已重新排队发送给{(message.ChatId is null ? "个人" : "群")} {message.ChatId ?? message.ToUserId}。";
        return RedirectToPage();
    }

    private async Task LoadCampaignsAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Chats)
            .Where(CampaignStages.Is(CampaignStage.TakingOrders, Now))
            .OrderBy(c => c.ClosesAt)
            .ToListAsync(cancellationToken);
        var orders = await CampaignOrders.CountAsync(db, [.. campaigns.Select(c => c.Id)], cancellationToken);
        var groupIds = campaigns.SelectMany(c => c.Chats.Select(ch => ch.GroupId)).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        TakingOrders = [.. campaigns.Select(c => new CampaignListRow(
            c.Id,
            c.Title,
            CampaignStage.TakingOrders,
            [.. c.Chats.Select(ch => groups.GetValueOrDefault(ch.GroupId) ?? string.Empty)],
            c.ClosesAt,
            c.PickupAt,
            orders.GetValueOrDefault(c.Id)))];
    }

    /// <summary>Orders placed in the last hour that still have goods, and the latest few of them.</summary>
    private async Task LoadOrdersAsync(CancellationToken cancellationToken)
    {
        var since = Now - RecentOrders;
        var recent = db.Orders.AsNoTracking().Where(o => o.CreatedAt >= since && o.Status != OrderStatus.Cancelled);
        RecentOrderCount = await recent.CountAsync(cancellationToken);
        var latest = await (
            from order in recent.Include(o => o.Lines).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(LatestOrders)
            join campaign in db.Campaigns on order.CampaignId equals campaign.Id
            join grp in db.Groups on order.GroupId equals grp.Id
            join resident in db.Residents on order.ResidentId equals resident.Id
            select new { order, campaign.Title, GroupName = grp.Name, resident.DisplayName }).ToListAsync(cancellationToken);
        var campaignIds = latest.Select(r => r.order.CampaignId).Distinct().ToList();
        var names = (await db.CampaignItems.AsNoTracking().Where(i => campaignIds.Contains(i.CampaignId)).Select(i => new { i.CampaignId, i.ItemNo, i.Name }).ToListAsync(cancellationToken))
            .ToDictionary(i => (i.CampaignId, i.ItemNo), i => i.Name);
        Latest = [.. latest.OrderByDescending(r => r.order.CreatedAt).ThenByDescending(r => r.order.Id).Select(r => new RecentOrder(
            r.order.CampaignId,
            r.Title,
            r.GroupName,
            r.DisplayName,
            [.. r.order.Lines.OrderBy(l => l.ItemNo).Select(l => new ItemQuantity(l.ItemNo, names.GetValueOrDefault((r.order.CampaignId, l.ItemNo)) ?? string.Empty, l.Quantity))],
            r.order.Total,
            r.order.CreatedAt))];
    }

    /// <summary>
    /// Tickets still being dealt with whose next deadline is within the hour or past: the first
    /// answer while nobody has answered an open one (<see cref="ResolutionDeadlines.FirstAnswer"/>),
    /// then the resolution's, while it is proposed or carried out (what the after-sales timers escalate).
    /// </summary>
    private async Task LoadTicketsAsync(CancellationToken cancellationToken)
    {
        var soon = Now + NearDeadline;
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => (t.Status == TicketStatus.Open && t.AnsweredAt == null && t.FirstAnswerDueAt <= soon)
                || ((t.Status == TicketStatus.Proposed || t.Status == TicketStatus.InProgress) && t.DueAt != null && t.DueAt <= soon))
            .ToListAsync(cancellationToken);
        Tickets = [.. tickets
            .Where(t => t.NextDueAt is not null)
            .Select(t => new TicketDue(t, t.AwaitsFirstAnswer, t.NextDueAt!.Value))
            .OrderBy(t => t.DueAt)];
    }
}
