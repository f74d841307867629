using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;

namespace GroupBuy.BotHost.Tests.Ordering;

public sealed class ChatOrderingOnSqlite : ChatOrderingContract
{
    private readonly TempFolder folder = new();

    protected override Task<ChatScenario> StartAsync() =>
        ChatScenario.StartAsync(settings => BotHostFactory.OnSqlite(folder, settings));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        folder.Dispose();
    }
}
