using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 截单: ordering in this group ends now. Every order gets its pickup code, and the group hears
/// that ordering closed and when and where to collect (<see cref="CampaignCutOff"/>, as when ops
/// or the job at closesAt cut off the whole campaign); later replies are told politely.
/// </summary>
internal sealed class CutOffCommand(CampaignCutOff cutOff) : ILeaderCommand
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
        await cutOff.AnnounceInAsync(campaign, group, context.Now, cancellationToken);
    }
}
