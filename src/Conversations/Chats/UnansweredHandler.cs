using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Chats;

/// <summary>
/// Last in line: what was said to the bot (privately, or with an @-mention in a registered group)
/// and taken by no handler gets a "not understood" answer pointing to 帮助, never silence.
/// Chit-chat in a group that does not address the bot stays unanswered.
/// </summary>
public sealed class UnansweredHandler : IMessageHandler
{
    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Message.Kind == InboundMessageKind.Event || !IsSaidToBot(context))
        {
            return false;
        }

        await context.ReplyAsync(
            new NotUnderstoodMessage(context.SenderName, InGroup: context.Group is not null, context.Capabilities.MentionRequired, context.Bot.Name),
            cancellationToken);
        return true;
    }

    private static bool IsSaidToBot(MessageContext context) =>
        context.IsPrivate
        || (context.Group is not null && (context.Text.AddressedToBot || context.Capabilities.MentionRequired));
}
