using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using Group = GroupBuy.Conversations.Groups.Group;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 缺货 &lt;item no&gt; &lt;qty&gt;: the leader found fewer goods than ordered at receiving. The
/// latest orders give way first (whoever ordered first keeps their goods), each affected
/// resident is told in the group and refunded for exactly what is missing, and the leader gets
/// the list.
/// </summary>
internal sealed partial class ShortageCommand(CouponRedemption coupons) : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Shortage;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var match = Arguments().Match(command.Argument.Normalize(System.Text.NormalizationForm.FormKC));
        if (!match.Success || !int.TryParse(match.Groups["qty"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var missing) || missing < 1)
        {
            await context.ProblemAsync("shortage_usage", command.Argument, string.Empty, cancellationToken);
            return;
        }

        var campaign = await ChatCampaigns.OrderingOverAsync(context.Db, group.Id, context.Now, cancellationToken);
        if (campaign is null)
        {
            var current = await ChatCampaigns.CurrentAsync(context.Db, group.Id, context.Now, cancellationToken);
            await context.ProblemAsync(current is null ? "no_campaign" : "not_closed", string.Empty, current?.Title ?? string.Empty, cancellationToken);
            return;
        }

        var itemNo = int.Parse(match.Groups["item"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (campaign.FindItem(itemNo) is null)
        {
            await context.ProblemAsync("no_such_item", match.Groups["item"].Value, campaign.Title, cancellationToken);
            return;
        }

        var holders = (await GroupOrders.WithGoodsAsync(context.Db, campaign.Id, group.Id, cancellationToken))
            .Where(o => o.Order.AwaitsPickup && o.Order.QuantityOf(itemNo) > 0)
            .OrderByDescending(o => o.Order.CreatedAt).ThenByDescending(o => o.Order.Id)
            .ToList();
        var item = OrderLineText.Item(campaign, itemNo);
        if (holders.Count == 0)
        {
            await context.ProblemAsync("nothing_ordered", item, campaign.Title, cancellationToken);
            return;
        }

        var left = missing;
        var affected = new List<ShortageAffected>();
        var refunded = 0m;
        foreach (var holder in holders.TakeWhile(_ => left > 0))
        {
            var ordered = holder.Order.QuantityOf(itemNo);
            var paidBefore = holder.Order.Payable;
            var taken = holder.Order.Shorten(itemNo, left, context.Now);
            left -= taken;

            // The refund is what the resident now pays less: a 满减 coupon the smaller order no
            // longer reaches goes back to them and its discount comes off the refund.
            await coupons.SettleAsync(holder.Order, context.Now, cancellationToken);
            var refund = new Refund(holder.Order, itemNo, taken, paidBefore - holder.Order.Payable, RefundReason.Shortage, context.Now);
            context.Db.Add(refund);
            refunded += refund.Amount;
            affected.Add(new ShortageAffected(holder.Name, taken));
            await context.PostToGroupAsync(
                new ShortageNoticeMessage(holder.Name, item, ordered, taken, ChineseFormat.Money(refund.Amount)),
                [holder.UserId],
                $"shortage:{context.Message.Channel}:{context.Message.MessageId}:{holder.Order.Id}",
                cancellationToken);
        }

        await context.ReplyAsync(new ShortageSummaryMessage(item, missing, affected, ChineseFormat.Money(refunded), left), cancellationToken);
    }

    // "3 2", "3号 2份", "3号少2份", "3，2": the item number, then how many are missing.
    [GeneratedRegex(@"^(?<item>\d{1,3})\s*号?\s*[,，、\s]*(?:少了?|缺了?)?\s*(?<qty>\d{1,4})\s*(?:份|个|盒|箱|袋|桶|提|瓶|斤|包|件)?$")]
    private static partial Regex Arguments();
}
