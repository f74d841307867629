using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

internal sealed class HelpCommand : ILeaderCommand
{
    public LeaderCommandKind Kind => LeaderCommandKind.Help;

    public Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken) =>
        context.ReplyAsync(new LeaderHelpMessage(group.LeaderName, context.Capabilities.MentionRequired, context.Bot.Name), cancellationToken);
}
