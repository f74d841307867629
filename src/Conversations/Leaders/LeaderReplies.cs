using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>Answers to the leader that every command shares.</summary>
internal static class LeaderReplies
{
    /// <summary>Why the command could not be done, worded by the leader-problem template.</summary>
    public static Task ProblemAsync(this MessageContext context, string problem, string argument, string title, CancellationToken cancellationToken) =>
        context.ReplyAsync(new LeaderProblemMessage(problem, argument, title, context.Capabilities.MentionRequired, context.Bot.Name), cancellationToken);

    /// <summary>
    /// The latest campaign whose goods arrived in the group (pickups and reminders are about it);
    /// when there is none the leader hears why (nothing published, or 到货 not said yet) and null comes back.
    /// </summary>
    public static async Task<Campaign?> ArrivedCampaignAsync(this MessageContext context, Group group, CancellationToken cancellationToken)
    {
        var campaign = await ChatCampaigns.ArrivedAsync(context.Db, group.Id, cancellationToken);
        if (campaign is null)
        {
            var current = await ChatCampaigns.CurrentAsync(context.Db, group.Id, context.Now, cancellationToken);
            await context.ProblemAsync(current is null ? "no_campaign" : "not_arrived", string.Empty, current?.Title ?? string.Empty, cancellationToken);
        }

        return campaign;
    }
}
