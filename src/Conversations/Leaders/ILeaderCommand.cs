using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>One leader command's work, run once the sender is known to lead the group.</summary>
public interface ILeaderCommand
{
    LeaderCommandKind Kind { get; }

    Task RunAsync(MessageContext context, Group group, LeaderCommand command, CancellationToken cancellationToken);
}
