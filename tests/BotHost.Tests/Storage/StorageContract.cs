using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Storage;

/// <summary>
/// What must hold on every storage provider. Each provider runs these against its real engine:
/// <see cref="StorageOnPostgres"/> and <see cref="StorageOnSqlite"/>.
/// </summary>
public abstract class StorageContract
{
    private static readonly object SampleGroup = new
    {
        chatId = "room-1",
        channel = "gateway",
        name = "阳光花园3栋团购群",
        community = "阳光花园",
        leaderId = "u-leader",
        leaderName = "李姐",
    };

    protected abstract BotHostFactory CreateHost(params (string Key, string? Value)[] overrides);

    [Fact]
    public async Task Health_answers_ok_once_storage_is_migrated()
    {
        await using var host = CreateHost();
        var client = host.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.True(host.Services.GetRequiredService<StorageReadiness>().IsMigrated);
    }

    [Fact]
    public async Task A_group_written_through_the_host_survives_a_restart()
    {
        long id;
        await using (var first = CreateHost())
        {
            var created = await first.CreateAdminClient().PostAsJsonAsync(new Uri("/api/groups", UriKind.Relative), SampleGroup);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        await using var second = CreateHost();
        var response = await second.CreateAdminClient().GetAsync(new Uri($"/api/groups/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("room-1", group.GetProperty("chatId").GetString());
        Assert.Equal("gateway", group.GetProperty("channel").GetString());
        Assert.Equal("阳光花园3栋团购群", group.GetProperty("name").GetString());
        Assert.Equal("李姐", group.GetProperty("leaderName").GetString());
        Assert.EndsWith("+08:00", group.GetProperty("createdAt").GetString(), StringComparison.Ordinal);

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    [Fact]
    public async Task A_message_taken_by_the_webhook_is_processed_and_answered_through_the_outbox()
    {
        await using var host = CreateHost(("Gateway:Secret", GatewayClient.Secret), ("Outbox:Workers", "0"));
        await host.CreateAdminClient().RegisterGroupAsync("room-inbox");

        var answer = await new GatewayClient(host.CreateAnonymousClient(), GatewayClient.Secret).SendAsync(GatewayClient.Text("m-inbox-1", "room-inbox", "u-9", "帮助"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        for (var i = 0; i < 300; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            if (await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == "reply:gateway:m-inbox-1:1"))
            {
                var message = await db.InboundMessages.SingleAsync(m => m.MessageId == "m-inbox-1");
                Assert.Equal(Conversations.Inbox.InboundMessageStatus.Processed, message.Status);
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The message was not answered.");
    }

    [Fact]
    public async Task Every_model_change_has_a_migration()
    {
        await using var host = CreateHost();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh <Name> to add a migration for both providers.");
    }

    [Fact]
    public async Task The_same_chat_cannot_be_registered_twice()
    {
        await using var host = CreateHost();
        var client = host.CreateAdminClient();
        var sample = new { chatId = "room-dup", channel = "gateway", name = "g", community = "c", leaderId = "l", leaderName = "n" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(new Uri("/api/groups", UriKind.Relative), sample)).StatusCode);

        var again = await client.PostAsJsonAsync(new Uri("/api/groups", UriKind.Relative), sample);

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("room-dup", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        Assert.Equal(1, await db.Groups.CountAsync(g => g.ChatId == "room-dup"));
    }

    [Fact]
    public async Task A_stale_write_to_a_contended_row_is_refused()
    {
        await using var host = CreateHost();
        var now = DateTimeOffset.UtcNow;
        long itemId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            var group = new Group("gateway", "room-stock", "g", "c", "l", "n", now);
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            var campaign = new Campaign("周四鲜果", now.AddHours(5), now.AddDays(1), "3栋大堂", now);
            campaign.AddItem("苹果", [], 12.8m, 15m, "生鲜", stock: 5);
            campaign.OfferIn(group.Id);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            itemId = campaign.Items.Single().Id;
        }

        await using var scopeA = host.Services.CreateAsyncScope();
        await using var scopeB = host.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var itemA = await dbA.CampaignItems.SingleAsync(i => i.Id == itemId);
        var itemB = await dbB.CampaignItems.SingleAsync(i => i.Id == itemId);

        Assert.True(itemA.TryTake(4));
        Assert.True(itemB.TryTake(4));
        await dbA.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        await using var check = host.Services.CreateAsyncScope();
        var stock = await check.ServiceProvider.GetRequiredService<GroupBuyDbContext>().CampaignItems.Where(i => i.Id == itemId).Select(i => i.Stock).SingleAsync();
        Assert.Equal(1, stock);
    }

    [Fact]
    public async Task Times_are_stored_as_instants_and_compared_as_instants()
    {
        await using var host = CreateHost();
        var shanghai = new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.FromHours(8));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            db.Campaigns.Add(new Campaign("早", shanghai, shanghai.AddDays(1), "p", shanghai));
            db.Campaigns.Add(new Campaign("晚", shanghai.AddHours(2), shanghai.AddDays(1), "p", shanghai));
            await db.SaveChangesAsync();
        }

        await using var read = host.Services.CreateAsyncScope();
        var dbRead = read.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        // 13:00 UTC is 21:00 in Shanghai: after the first cut-off, before the second.
        var cutOff = new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero);
        var closed = await dbRead.Campaigns.Where(c => c.ClosesAt <= cutOff).Select(c => c.Title).ToListAsync();
        var first = await dbRead.Campaigns.OrderBy(c => c.ClosesAt).FirstAsync();

        Assert.Equal(["早"], closed);
        Assert.Equal(shanghai, first.ClosesAt);
    }

    [Fact]
    public async Task The_hosts_hangfire_server_runs_enqueued_jobs_with_its_own_services()
    {
        await using var host = CreateHost();
        _ = host.Services;
        var marker = Guid.NewGuid().ToString("N");

        host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.RunAsync(marker, CancellationToken.None));

        var finished = await Task.WhenAny(ProbeJob.RanAsync(marker), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(ProbeJob.RanAsync(marker), finished);
        Assert.Equal(host.Services.GetRequiredService<StorageSettings>().Describe(), await ProbeJob.RanAsync(marker));
    }
}
