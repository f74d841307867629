using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// Keeps groups current from WeCom's customer-group events: a dismissed group gets nothing more.
/// Every WeCom event ends here, so no chat handler ever reads one as something a person said.
/// </summary>
internal sealed class WeComGroupEvents(ILogger<WeComGroupEvents> logger) : IMessageHandler
{
    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.Channel != ChannelNames.WeCom || message.Kind != InboundMessageKind.Event)
        {
            return false;
        }

        if (message.Text?.StartsWith("change_external_chat dismiss", StringComparison.Ordinal) == true && message.ChatId is { } chatId)
        {
            var group = await context.Db.Groups.FirstOrDefaultAsync(g => g.Channel == ChannelNames.WeCom && g.ChatId == chatId, cancellationToken);
            group?.Dismiss(context.Now);
            logger.LogInformation("WeCom customer group {ChatId} was dismissed{Known}", chatId, group is null ? " (not registered)" : string.Empty);
        }

        return true;
    }
}
