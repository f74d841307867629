using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 截单: ordering in this group ends now. Every order gets its pickup code, and the group hears
/// that ordering closed and when and where to collect; later replies are told politely.
/// </summary>
internal sealed class CutOffCommand(PickupCodes codes, BusinessTimeZone zone) : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.CutOff;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var campaign = await ChatCampaigns.CurrentAsync(context.Db, group.Id, context.Now, cancellationToken);
        if (campaign is null)
        {
            await context.ProblemAsync("no_campaign", string.Empty, string.Empty, cancellationToken);
            return;
        }

        if (!campaign.IsTakingOrdersIn(group.Id, context.Now))
        {
            await context.ProblemAsync("already_closed", string.Empty, campaign.Title, cancellationToken);
            return;
        }

        campaign.CloseIn(group.Id, context.Now);
        await codes.AssignAsync(campaign.Id, group.Id, cancellationToken);
        var orders = await context.Db.Orders
            .Where(o => o.CampaignId == campaign.Id && o.GroupId == group.Id && o.Status == OrderStatus.Open)
            .CountAsync(cancellationToken);
        await context.PostToGroupAsync(
            new CutOffMessage(campaign.Title, orders, ChineseFormat.DayAndTime(zone.ToLocal(campaign.PickupAt)), campaign.PickupPoint),
            [],
            $"cut-off:{campaign.Id}:{group.Id}",
            cancellationToken);
    }
}
