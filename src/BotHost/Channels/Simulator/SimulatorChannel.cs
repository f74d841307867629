using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Simulator;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.Simulator;

/// <summary>
/// The console's chat simulator, as a channel: it can do what a bridged WeChat group can (the bot
/// hears every message, may post freely and write privately), and "sending" stores the message
/// where the simulator page shows it. The outbox key is unique there, so a retried delivery shows once.
/// </summary>
internal sealed class SimulatorChannel(IServiceScopeFactory scopes, BotIdentity bot, TimeProvider clock) : IChatChannel
{
    public string Name => ChannelNames.Simulator;

    public ChannelCapabilities Capabilities { get; } = new(
        Hearing.AllMessages,
        Posting.Free,
        HasPrivateChat: true,
        RateLimit: null,
        MaxMentionsPerMessage: 20);

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        if (await db.SimulatorMessages.AnyAsync(m => m.IdempotencyKey == message.IdempotencyKey, cancellationToken))
        {
            return;
        }

        db.SimulatorMessages.Add(SimulatorMessage.Sent(message.ChatId, message.ToUserId, bot.Name, message.Text, message.Mentions, message.IdempotencyKey, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Delivered by another attempt meanwhile: shown once is what was asked.
        }
    }
}
