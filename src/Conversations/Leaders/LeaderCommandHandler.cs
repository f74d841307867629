using System.Globalization;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Time;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// Takes leader commands (截单, 到货, 汇总 …) in a group. From the group's leader they run; from
/// anyone else they get one short, polite word a day that only the leader can do that ("帮助" is
/// left to the residents' help). Text that is not a command goes on to the order handler, so a
/// leader's own "苹果+2" is an order like anyone's.
/// </summary>
public sealed class LeaderCommandHandler(IEnumerable<ILeaderCommand> commands, BusinessTimeZone zone) : IMessageHandler
{
    private readonly Dictionary<LeaderCommandKind, ILeaderCommand> byKind = commands.ToDictionary(c => c.Kind);

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Group is not { } group || context.Message.Kind != InboundMessageKind.Text
            || !LeaderCommandReader.TryRead(context.Text.Text, out var command) || !byKind.TryGetValue(command.Kind, out var run))
        {
            return false;
        }

        if (!context.FromLeader)
        {
            if (command.Kind == LeaderCommandKind.Help)
            {
                return false;
            }

            var day = zone.ToLocal(context.Now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            await context.ReplyOnceAsync(
                new LeaderOnlyMessage(context.SenderName, command.Word, group.LeaderName),
                $"leader-only:{group.Id}:{context.Message.SenderId}:{command.Kind}:{day}",
                cancellationToken);
            return true;
        }

        await run.RunAsync(context, group, command, cancellationToken);
        return true;
    }
}
