using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// 退订 stops marketing messages to the sender (win-back, recommendations, core price), 恢复订阅
/// starts them again. Order acknowledgements, pickup reminders and answers are not marketing and
/// go on. Only the word on its own counts ("退订", "退订。"), so a sentence that mentions it is
/// left to the handlers after this one. The answer goes privately where the channel allows.
/// </summary>
public sealed class UnsubscribeHandler(ResidentDirectory residents) : IMessageHandler
{
    private const string Unsubscribe = "退订";
    private const string Resubscribe = "恢复订阅";

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Message.Kind != InboundMessageKind.Text)
        {
            return false;
        }

        var word = context.Text.Text.Trim().TrimEnd('。', '.', '!', '！', '~', '～').Trim();
        var stop = string.Equals(word, Unsubscribe, StringComparison.Ordinal);
        if (!stop && !string.Equals(word, Resubscribe, StringComparison.Ordinal))
        {
            return false;
        }

        var message = context.Message;
        var resident = await residents.SeenAsync(message.Channel, message.SenderId, message.SenderName, context.Now, cancellationToken);
        var optOuts = context.Db.Set<MarketingOptOut>();
        var existing = await optOuts.FirstOrDefaultAsync(o => o.ResidentId == resident.Id, cancellationToken);
        if (stop)
        {
            // Two 退订 at once from two chats: the second fails on the unique resident and is
            // retried by the inbox, which then finds the first.
            if (existing is null)
            {
                optOuts.Add(new MarketingOptOut(resident.Id, context.Now));
            }

            await context.ReplyPrivatelyAsync(new UnsubscribedMessage(context.SenderName), cancellationToken);
        }
        else
        {
            if (existing is not null)
            {
                optOuts.Remove(existing);
            }

            await context.ReplyPrivatelyAsync(new ResubscribedMessage(context.SenderName), cancellationToken);
        }

        return true;
    }

    /// <summary>Whether the resident has said 退订 (and not 恢复订阅 since).</summary>
    public static Task<bool> HasOptedOutAsync(Storage.GroupBuyDbContext db, long residentId, CancellationToken cancellationToken) =>
        db.Set<MarketingOptOut>().AnyAsync(o => o.ResidentId == residentId, cancellationToken);
}
