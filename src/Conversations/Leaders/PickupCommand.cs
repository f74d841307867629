using System.Text.RegularExpressions;
using GroupBuy.Conversations.Campaigns;
using Group = GroupBuy.Conversations.Groups.Group;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 已取 / 核销: marks pickups by code ("核销 1001 1002") or by person ("已取 @王阿姨", where the
/// channel's mention list or the written name tells who). Codes are looked up among the group's
/// orders, newest campaign first, so last week's code still works while this week's is open.
/// </summary>
internal sealed partial class PickupCommand : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Pickup;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var codes = Code().Matches(command.Argument).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var names = Name().Matches(command.Argument).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        var mentioned = context.Message.Mentions.Where(m => m != context.Message.SenderId).Distinct(StringComparer.Ordinal).ToList();
        var found = new List<(string Asked, ResidentOrder? Order)>();
        foreach (var code in codes)
        {
            found.Add((code, await ByCodeAsync(context, group, code, cancellationToken)));
        }

        var arrived = await ChatCampaigns.ArrivedAsync(context.Db, group.Id, cancellationToken)
            ?? await ChatCampaigns.OrderingOverAsync(context.Db, group.Id, context.Now, cancellationToken);
        var inCampaign = arrived is null ? [] : await GroupOrders.WithGoodsAsync(context.Db, arrived.Id, group.Id, cancellationToken);
        // The mention list may also hold the bot or someone mentioned in passing: only people with
        // goods waiting count; a name that matches nobody is reported from the text below.
        foreach (var order in mentioned.Select(userId => inCampaign.FirstOrDefault(o => o.UserId == userId)).OfType<ResidentOrder>())
        {
            found.Add(("@" + order.Name, order));
        }

        foreach (var name in names.Where(n => !mentioned.Any(m => inCampaign.Any(o => o.UserId == m && o.Name == n))))
        {
            var matches = inCampaign.Where(o => o.Name == name).ToList();
            found.Add(("@" + name, matches.Count == 1 ? matches[0] : null));
        }

        if (found.Count == 0)
        {
            await context.ProblemAsync("pickup_usage", command.Word, string.Empty, cancellationToken);
            return;
        }

        var confirmed = new List<PickupEntry>();
        var already = new List<PickupEntry>();
        var unknown = new List<string>();
        var campaigns = new Dictionary<long, Campaign>();
        foreach (var (asked, order) in found)
        {
            if (order is null)
            {
                unknown.Add(asked);
                continue;
            }

            var campaign = campaigns.GetValueOrDefault(order.Order.CampaignId)
                ?? (campaigns[order.Order.CampaignId] = await context.Db.Campaigns.Include(c => c.Items).SingleAsync(c => c.Id == order.Order.CampaignId, cancellationToken));
            var entry = new PickupEntry(order.Name, order.Order.PickupCode, OrderLineText.Of(order.Order, campaign));
            if (order.Order.Status == OrderStatus.PickedUp)
            {
                if (!already.Contains(entry) && !confirmed.Contains(entry))
                {
                    already.Add(entry);
                }
            }
            else
            {
                order.Order.ConfirmPickup(context.Now);
                confirmed.Add(entry);
            }
        }

        var stillWaiting = arrived is null ? 0 : inCampaign.Count(o => o.Order.AwaitsPickup);
        await context.ReplyAsync(new PickupConfirmedMessage(confirmed, already, unknown, stillWaiting), cancellationToken);
    }

    private static async Task<ResidentOrder?> ByCodeAsync(MessageContext context, Group group, string code, CancellationToken cancellationToken)
    {
        var groupId = group.Id;
        var row = await (
            from order in context.Db.Orders.Include(o => o.Lines)
            join resident in context.Db.Residents on order.ResidentId equals resident.Id
            where order.GroupId == groupId && order.PickupCode == code && order.Status != OrderStatus.Cancelled
            orderby order.CampaignId descending
            select new { order, resident.DisplayName, resident.UserId }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new ResidentOrder(row.order, row.DisplayName, row.UserId);
    }

    [GeneratedRegex(@"(?<![\d@＠])\d{4,6}(?!\d)")]
    private static partial Regex Code();

    [GeneratedRegex(@"[@＠](?<name>[^\s@＠,，、\u2005]+)")]
    private static partial Regex Name();
}
