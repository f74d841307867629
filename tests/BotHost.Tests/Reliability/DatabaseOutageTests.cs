using System.Collections.Concurrent;
using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped (<c>pg_ctl stop -m fast</c>) in the middle of a burst and started again,
/// on a cluster of this class's own: what was answered 200 is one order each, what came during
/// the outage was refused with 503 and stored once when the bridge sent it again, and the same
/// host carries on without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int Replies = 300;
    private const int StopAfter = 100;

    private PostgresCluster cluster = null!;
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.StartOwnAsync();
        var connectionString = await cluster.CreateDatabaseAsync("groupbuy");
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(connectionString, settings), ("Ordering:AckDelaySeconds", "2"));
        await chat.PublishAsync(new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 1000 });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Replies_around_a_database_outage_are_one_order_each_and_health_says_503_while_it_lasts()
    {
        var answeredBeforeStop = new ConcurrentBag<int>();
        var refusals = new ConcurrentBag<HttpStatusCode>();
        var answered = 0;
        var down = false;
        var hundredAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var health = chat.Host.CreateAnonymousClient();

        var outage = Task.Run(async () =>
        {
            await hundredAnswered.Task;
            Volatile.Write(ref down, true);
            await cluster.StopAsync();
            var duringOutage = await health.GetAsync(new Uri("/healthz", UriKind.Relative));
            // Long enough for many refused deliveries and for the workers to fail and wait.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await cluster.StartAgainAsync();
            return duringOutage.StatusCode;
        });

        await Parallel.ForEachAsync(Enumerable.Range(1, Replies), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (i, _) =>
        {
            // As a bridge does: a 5xx (or no answer) is sent again after a pause, a 4xx never.
            var startedBeforeStop = !Volatile.Read(ref down);
            while (true)
            {
                var response = await chat.Gateway.SendAsync(GatewayClient.Text($"m-{i}", ChatScenario.ChatId, $"u-{i}", "苹果+1", $"居民{i:000}"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    if (startedBeforeStop && !Volatile.Read(ref down))
                    {
                        answeredBeforeStop.Add(i);
                    }

                    if (Interlocked.Increment(ref answered) == StopAfter)
                    {
                        hundredAnswered.SetResult();
                    }

                    return;
                }

                Assert.True((int)response.StatusCode >= 500, $"Reply {i} got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                refusals.Add(response.StatusCode);
                await Task.Delay(200);
            }
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await outage);
        Assert.NotEmpty(refusals);
        Assert.All(refusals, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.True(answeredBeforeStop.Count >= StopAfter, $"{answeredBeforeStop.Count} answered before the stop");

        await WaitUntilAllProcessedAsync();
        var orders = await chat.OrdersAsync();
        Assert.Equal(Replies, orders.Count);
        Assert.All(Enumerable.Range(1, Replies), i => Assert.Equal("1:1", orders[$"u-{i}"]));
        Assert.Equal(1000 - Replies, await chat.StockAsync(1));
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    private async Task WaitUntilAllProcessedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int stored = 0, processed = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = chat.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            try
            {
                stored = await db.InboundMessages.CountAsync(m => m.ChatId == ChatScenario.ChatId);
                processed = await db.InboundMessages.CountAsync(m => m.ChatId == ChatScenario.ChatId && m.Status == InboundMessageStatus.Processed);
            }
            catch (Npgsql.NpgsqlException)
            {
                // A pooled connection from before the restart; the next read gets a fresh one.
            }

            if (processed == Replies)
            {
                Assert.Equal(Replies, stored);
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{processed} of {stored} stored replies processed.");
    }
}
