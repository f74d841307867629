using System.Globalization;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 开团 &lt;campaign&gt;: posts a campaign ops prepared into the leader's group. The campaign is
/// named by its title (or part of it) or its number ("开团 12"); drafts and campaigns still
/// taking orders can be opened, newest first when a name fits several.
/// </summary>
internal sealed class PublishCommand(CampaignPublishing publishing, ICutOffScheduler cutOffs) : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Publish;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var name = command.Argument.TrimStart('#', '＃').Trim('【', '】', '"', '“', '”', ' ');
        if (name.Length == 0)
        {
            await context.ProblemAsync("publish_usage", string.Empty, string.Empty, cancellationToken);
            return;
        }

        var campaign = await FindAsync(context, name, cancellationToken);
        if (campaign is null)
        {
            await context.ProblemAsync("unknown_campaign", name, string.Empty, cancellationToken);
            return;
        }

        if (campaign.ChatOf(group.Id)?.PreviewSentAt is not null)
        {
            await context.ProblemAsync("already_published", name, campaign.Title, cancellationToken);
            return;
        }

        var wasDraft = campaign.Status == CampaignStatus.Draft;
        var result = await publishing.PublishInAsync(campaign, group, context.Now, cancellationToken);
        if (result.Outcome != PublishOutcome.Published)
        {
            await context.ProblemAsync("cannot_publish", name, campaign.Title, cancellationToken);
            return;
        }

        if (wasDraft)
        {
            // Asked before this message commits: if it then rolls back, the job finds a draft and does nothing.
            cutOffs.ScheduleCutOff(campaign.Id, campaign.ClosesAt);
        }
    }

    private static async Task<Campaign?> FindAsync(MessageContext context, string name, CancellationToken cancellationToken)
    {
        var open = context.Db.Campaigns.Include(c => c.Items).Include(c => c.Chats)
            .Where(c => c.Status == CampaignStatus.Draft || (c.Status == CampaignStatus.Published && c.ClosesAt > context.Now))
            .OrderByDescending(c => c.Id);
        if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await open.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        }

        return await open.FirstOrDefaultAsync(c => c.Title == name, cancellationToken)
            ?? await open.FirstOrDefaultAsync(c => c.Title.Contains(name), cancellationToken);
    }
}
