using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Chats;

/// <summary>"帮助": tells residents of a registered group how to talk to the bot on this channel.</summary>
public sealed class HelpHandler : IMessageHandler
{
    private static readonly HashSet<string> Asks = new(StringComparer.OrdinalIgnoreCase) { "帮助", "help", "使用说明", "怎么用" };

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Group is null || !Asks.Contains(context.Text.Text.TrimEnd('?', '？', '!', '！', '。')))
        {
            return false;
        }

        await context.ReplyAsync(
            new HelpMessage(context.Group.Name, context.Group.LeaderName, context.Capabilities.MentionRequired, context.Bot.Name),
            cancellationToken);
        return true;
    }
}
