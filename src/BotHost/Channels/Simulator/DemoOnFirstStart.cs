using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.Simulator;

/// <summary>
/// On the very first start (no group, no campaign) makes the demo community, so someone who just
/// ran the service finds a chat to try in the simulator. <c>Simulator:DemoOnFirstStart=false</c> skips it.
/// </summary>
internal sealed partial class DemoOnFirstStart(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoOnFirstStart> logger) : IHostedService
{
    public const string Key = "Simulator:DemoOnFirstStart";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(Key, defaultValue: true))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        if (await db.Groups.AnyAsync(cancellationToken) || await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }

        if (await scope.ServiceProvider.GetRequiredService<DemoCommunity>().CreateAsync(DemoCommunity.FirstChatId, cancellationToken) is { } group)
        {
            LogCreated(group.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The database was empty, so the demo community '{Group}' was made: open /console/simulator to try the bot.")]
    private partial void LogCreated(string group);
}
