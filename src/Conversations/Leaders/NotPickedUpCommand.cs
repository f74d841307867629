using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>未取: lists the residents of the group whose goods are still waiting.</summary>
internal sealed class NotPickedUpCommand : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.NotPickedUp;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var campaign = await context.ArrivedCampaignAsync(group, cancellationToken);
        if (campaign is null)
        {
            return;
        }

        var orders = await GroupOrders.WithGoodsAsync(context.Db, campaign.Id, group.Id, cancellationToken);
        var waiting = orders.Where(o => o.Order.AwaitsPickup)
            .Select(o => new PickupEntry(o.Name, o.Order.PickupCode, OrderLineText.Of(o.Order, campaign)))
            .ToList();
        await context.ReplyAsync(new NotPickedUpMessage(campaign.Title, waiting, orders.Count - waiting.Count), cancellationToken);
    }
}
