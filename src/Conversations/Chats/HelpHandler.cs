using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Chats;

/// <summary>
/// "帮助": tells residents of a registered group how to talk to the bot on this channel, and
/// someone writing to the bot privately what it can do for them there.
/// </summary>
public sealed class HelpHandler : IMessageHandler
{
    private static readonly HashSet<string> Asks = new(StringComparer.OrdinalIgnoreCase) { "帮助", "help", "使用说明", "怎么用" };

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (!Asks.Contains(context.Text.Text.TrimEnd('?', '？', '!', '！', '。')))
        {
            return false;
        }

        if (context.Group is not null)
        {
            await context.ReplyAsync(
                new HelpMessage(context.Group.Name, context.Group.LeaderName, context.Capabilities.MentionRequired, context.Bot.Name),
                cancellationToken);
            return true;
        }

        if (!context.IsPrivate)
        {
            // A group nobody registered: the bot is not serving it, so it does not speak there.
            return false;
        }

        await context.ReplyAsync(new PrivateHelpMessage(context.Bot.Name), cancellationToken);
        return true;
    }
}
