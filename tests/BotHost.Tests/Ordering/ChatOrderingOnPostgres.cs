using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;

namespace GroupBuy.BotHost.Tests.Ordering;

public sealed class ChatOrderingOnPostgres : ChatOrderingContract
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();

    protected override Task<ChatScenario> StartAsync() =>
        ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));

    public override async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
