using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>佣金: the leader's commission this week and this month, and how far the next tier is; told privately where the channel can.</summary>
internal sealed class CommissionCommand(CommissionReports reports) : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Commission;

    public async Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken)
    {
        var commission = await reports.ForLeaderAsync(group.Channel, group.LeaderId, context.Now, cancellationToken)
            ?? throw new InvalidOperationException("The leader of a registered group has no groups.");
        await context.ReplyPrivatelyAsync(LeaderCommissionMessage.From(commission), cancellationToken);
    }
}
