using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 提醒: reminds the residents whose goods are still waiting, now, in the group with each of them
/// @-mentioned (in parts when the channel limits mentions). When everyone has collected, the
/// leader hears so instead.
/// </summary>
internal sealed class RemindCommand : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Remind;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var campaign = await context.ArrivedCampaignAsync(group, cancellationToken);
        if (campaign is null)
        {
            return;
        }

        var orders = await GroupOrders.WithGoodsAsync(context.Db, campaign.Id, group.Id, cancellationToken);
        var waiting = orders.Where(o => o.Order.AwaitsPickup).ToList();
        if (waiting.Count == 0)
        {
            await context.ReplyAsync(new NotPickedUpMessage(campaign.Title, [], orders.Count), cancellationToken);
            return;
        }

        var part = 0;
        foreach (var batch in GroupOrders.InMentionBatches(waiting, context.Capabilities.MaxMentionsPerMessage))
        {
            await context.PostToGroupAsync(
                new PickupReminderMessage(campaign.Title, campaign.PickupPoint, [.. batch.Select(o => new PickupEntry(o.Name, o.Order.PickupCode, OrderLineText.Of(o.Order, campaign)))]),
                [.. batch.Select(o => o.UserId)],
                $"remind:{context.Message.Channel}:{context.Message.MessageId}:{++part}",
                cancellationToken);
        }
    }
}
