using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 到货: the goods of the latest campaign are at this group's pickup point. Ordering there is over
/// if it was not yet; every resident with an order is @-mentioned with their pickup code, in as
/// many messages as the channel's mention limit needs, and the reminders that follow are planned.
/// </summary>
internal sealed class ArrivalCommand(GoodsArrival arrival) : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Arrival;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var campaign = await ChatCampaigns.AwaitingArrivalAsync(context.Db, group.Id, context.Now, cancellationToken);
        if (campaign is null)
        {
            var arrived = await ChatCampaigns.ArrivedAsync(context.Db, group.Id, cancellationToken);
            await context.ProblemAsync(arrived is null ? "no_campaign" : "already_arrived", string.Empty, arrived?.Title ?? string.Empty, cancellationToken);
            return;
        }

        await arrival.ArriveInAsync(campaign, group.Id, context.Now, cancellationToken);
        await context.Db.SaveChangesAsync(cancellationToken);
        var waiting = (await GroupOrders.WithGoodsAsync(context.Db, campaign.Id, group.Id, cancellationToken)).Where(o => o.Order.AwaitsPickup).ToList();
        var batches = GroupOrders.InMentionBatches(waiting, context.Capabilities.MaxMentionsPerMessage).ToList();
        if (batches.Count == 0)
        {
            batches.Add([]);
        }

        for (var part = 0; part < batches.Count; part++)
        {
            var batch = batches[part];
            await context.PostToGroupAsync(
                new ArrivalMessage(campaign.Title, campaign.PickupPoint, [.. batch.Select(o => new PickupEntry(o.Name, o.Order.PickupCode, OrderLineText.Of(o.Order, campaign)))], part + 1, batches.Count),
                [.. batch.Select(o => o.UserId)],
                $"arrival:{campaign.Id}:{group.Id}:{part + 1}",
                cancellationToken);
        }
    }
}
