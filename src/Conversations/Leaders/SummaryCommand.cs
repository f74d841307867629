using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Leaders;

/// <summary>汇总 / 统计: the group's orders for the current campaign, per item and per resident.</summary>
internal sealed class SummaryCommand : ILeaderCommand
{
    public const int MaxResidents = 40;

    public LeaderCommandKind Kind => LeaderCommandKind.Summary;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var campaign = await ChatCampaigns.CurrentAsync(context.Db, group.Id, context.Now, cancellationToken);
        if (campaign is null)
        {
            await context.ProblemAsync("no_campaign", string.Empty, string.Empty, cancellationToken);
            return;
        }

        var orders = await GroupOrders.WithGoodsAsync(context.Db, campaign.Id, group.Id, cancellationToken);
        var items = orders.SelectMany(o => o.Order.Lines)
            .GroupBy(l => l.ItemNo)
            .OrderBy(g => g.Key)
            .Select(g => new SummaryItem(g.Key, campaign.FindItem(g.Key)?.Name ?? string.Empty, g.Sum(l => l.Quantity), ChineseFormat.Money(g.Sum(l => l.Amount))))
            .ToList();
        var residents = orders.Take(MaxResidents)
            .Select(o => new SummaryResident(o.Name, o.Order.PickupCode, OrderLineText.Of(o.Order, campaign), ChineseFormat.Money(o.Order.Total),
                o.Order.CouponId is null ? null : ChineseFormat.Money(o.Order.Payable)))
            .ToList();
        await context.ReplyAsync(
            new SummaryMessage(
                campaign.Title,
                campaign.IsTakingOrdersIn(group.Id, context.Now),
                items,
                residents,
                Math.Max(0, orders.Count - MaxResidents),
                orders.Count,
                ChineseFormat.Money(orders.Sum(o => o.Order.Total)),
                orders.Count(o => o.Order.CouponId is not null),
                ChineseFormat.Money(orders.Sum(o => o.Order.Discount)),
                ChineseFormat.Money(orders.Sum(o => o.Order.Payable))),
            cancellationToken);
    }
}
