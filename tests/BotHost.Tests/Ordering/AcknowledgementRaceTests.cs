using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace GroupBuy.BotHost.Tests.Ordering;

/// <summary>
/// A reply that changes an order already on the chat's open acknowledgement while that
/// acknowledgement is being sent (the sender has read the orders, holds the batch and is about to
/// mark it sent): the change must not be lost between the two. Found by the full suite under load
/// (a cancellation that was never acknowledged); here the sender is played by a transaction that
/// holds the batch row exactly as the flush does, so the interleaving is the same every run.
/// </summary>
public sealed class AcknowledgementRaceTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        // Workers off for the inbox, and acknowledgements that would not fall due by themselves.
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings), ("Inbox:Workers", "0"), ("Ordering:AckDelaySeconds", "60"));
        await chat.PublishAsync(new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 50 });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_change_made_while_its_acknowledgement_is_being_sent_is_acknowledged_afterwards()
    {
        var processor = chat.Host.Services.GetRequiredService<InboxProcessor>();
        await SendAsync("m-1", "苹果+2");
        await processor.ProcessNextAsync(CancellationToken.None);
        await chat.ProcessedAsync("m-1");
        var (batchId, residentId) = await OpenBatchAsync();
        await SendAsync("m-2", "都取消吧");

        // The sender: the batch row held (FOR UPDATE, as the queue claims it), the orders read.
        await using var sender = new NpgsqlConnection(database.ConnectionString);
        await sender.OpenAsync();
        await using var flush = await sender.BeginTransactionAsync();
        await ExecuteAsync(sender, "SELECT id FROM ack_batches WHERE id = @id FOR UPDATE", batchId);

        var processing = Task.Run(() => processor.ProcessNextAsync(CancellationToken.None));
        // Until the reply waits for the batch row, or finishes without ever touching it.
        for (var i = 0; i < 200 && !processing.IsCompleted && !await WaitsForALockAsync(); i++)
        {
            await Task.Delay(50);
        }

        await ExecuteAsync(sender, "UPDATE ack_batches SET status = 'Sent', sent_at = now(), version = version + 1 WHERE id = @id", batchId);
        await flush.CommitAsync();
        await processing;

        // The reply lost the race for the batch; processed again, its change goes to a new one.
        for (var i = 0; i < 100 && !await ProcessedAsync("m-2"); i++)
        {
            await processor.ProcessNextAsync(CancellationToken.None);
            await Task.Delay(100);
        }

        Assert.Equal("cancelled", (await chat.OrderOfAsync("u-1")).GetProperty("status").GetString());
        var (reopened, _) = await OpenBatchAsync();
        Assert.NotEqual(batchId, reopened);
        await using var scope = chat.Host.Services.CreateAsyncScope();
        var batch = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<AckBatch>().AsNoTracking().SingleAsync(b => b.Id == reopened);
        Assert.Equal([residentId], batch.ResidentIds);
    }

    private async Task SendAsync(string messageId, string text) =>
        Assert.Equal(HttpStatusCode.OK, (await chat.Gateway.SendAsync(GatewayClient.Text(messageId, ChatScenario.ChatId, "u-1", text))).StatusCode);

    private async Task<(long BatchId, long ResidentId)> OpenBatchAsync()
    {
        await using var scope = chat.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var batch = await db.Set<AckBatch>().AsNoTracking().SingleAsync(b => b.Status == AckBatchStatus.Open);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.UserId == "u-1");
        return (batch.Id, resident.Id);
    }

    private async Task<bool> ProcessedAsync(string messageId)
    {
        await using var scope = chat.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages
            .AnyAsync(m => m.MessageId == messageId && m.Status == InboundMessageStatus.Processed);
    }

    private async Task<bool> WaitsForALockAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
