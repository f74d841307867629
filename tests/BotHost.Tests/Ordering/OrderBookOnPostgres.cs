using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace GroupBuy.BotHost.Tests.Ordering;

public sealed class OrderBookOnPostgres : OrderBookContract
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();

    protected override BotHostFactory CreateHost() => BotHostFactory.OnPostgres(database.ConnectionString, ("Inbox:Workers", "0"), ("Outbox:Workers", "0"));

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

    [Fact]
    public async Task Fifty_concurrent_orders_for_the_last_ten_units_never_oversell()
    {
        var residents = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            residents.Add(await ResidentAsync($"u-rush-{i}"));
        }

        using var start = new ManualResetEventSlim();
        var attempts = residents.Select(resident => Task.Run(async () =>
        {
            start.Wait();
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await ApplyAsync(resident, OrderEdit.Add, new OrderQuantity(1, 1));
                }
                catch (Exception ex) when (attempt < 5 && ex is DbUpdateException or PostgresException or InvalidOperationException)
                {
                    // A deadlock or serialization failure on a hot row is retried, as the inbox would.
                }
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(10, outcomes.Count(o => o.Order.QuantityOf(1) == 1));
        Assert.Equal(40, outcomes.Count(o => o.SoldOut.Count == 1));
        Assert.Equal(0, await StockAsync(1));
        await using var scope = Host.Services.CreateAsyncScope();
        var sold = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Orders
            .Where(o => o.CampaignId == CampaignId).SelectMany(o => o.Lines).Where(l => l.ItemNo == 1).SumAsync(l => l.Quantity);
        Assert.Equal(10, sold);
    }
}
