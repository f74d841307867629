using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>Outbox rows written and read straight in a host's database, for tests of the sending side alone.</summary>
internal static class OutboxRows
{
    public static async Task QueueAsync(this BotHostFactory host, IEnumerable<OutboundMessage> messages)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        db.OutboundMessages.AddRange(messages);
        await db.SaveChangesAsync();
    }

    public static async Task<List<OutboundMessage>> OutboxAsync(this BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.AsNoTracking().ToListAsync();
    }
}
