using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;

namespace GroupBuy.BotHost.Tests.Ordering;

public sealed class OrderBookOnSqlite : OrderBookContract, IDisposable
{
    private readonly TempFolder folder = new();

    protected override BotHostFactory CreateHost() => BotHostFactory.OnSqlite(folder, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"));

    public void Dispose() => folder.Dispose();
}
