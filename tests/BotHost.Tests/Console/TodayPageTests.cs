using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Leaders;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>今日, through the real host on PostgreSQL: what is taking orders, the last hour's orders, tickets near their deadline, and undelivered messages sent again.</summary>
public sealed class TodayPageTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public TodayPageTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Today_lists_the_campaigns_taking_orders_and_the_last_hours_orders()
    {
        await using var scenario = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
        var draft = await scenario.Admin.PostAsJsonAsync(Url("/api/campaigns"), new
        {
            title = "下周粮油",
            chatIds = new[] { ChatScenario.ChatId },
            closesAt = "2099-01-01T20:00:00+08:00",
            pickupAt = "2099-01-02T17:00:00+08:00",
            pickupPoint = "3栋大堂",
            items = new[] { new { name = "五常大米", price = 59.9m, referencePrice = 69m, category = "食品" } },
        });
        draft.EnsureSuccessStatusCode();
        await scenario.PublishAsync(
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 },
            new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null });
        await scenario.SayAsync("u-wang", "王阿姨", "苹果+2");
        await scenario.SayAsync("u-li", "李叔", "谢谢团长");
        var session = await ConsoleSession.SignInAsync(scenario.Host, "today");

        var html = await session.GetPageAsync("/console");

        var text = ConsoleHtml.Text(html);
        Assert.Contains("接单中的活动 1", text, StringComparison.Ordinal);
        Assert.Contains("最近一小时的订单 1", text, StringComparison.Ordinal);
        var taking = Assert.Single(ConsoleHtml.Rows(html, "taking-orders-list"));
        Assert.StartsWith("周四鲜果 | 阳光花园3栋团购群 | ", taking, StringComparison.Ordinal);
        Assert.EndsWith(" | 1", taking, StringComparison.Ordinal);
        Assert.Contains($"href=\"/console/campaigns/{scenario.CampaignId}\"", html, StringComparison.Ordinal);
        var recent = Assert.Single(ConsoleHtml.Rows(html, "recent-orders-list"));
        Assert.EndsWith(" | 周四鲜果 | 阳光花园3栋团购群 | 王阿姨 | 1号红富士苹果×2 | 25.6 元", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("下周粮油", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickets_past_or_within_an_hour_of_their_deadline_are_listed_and_settled_ones_are_not()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"));
        var seed = new CommissionSeed(host.Services);
        var group = await seed.GroupAsync("room-tickets", "幸福里团购群", "u-zhang", "张姐", community: "幸福里");
        var campaign = await seed.CampaignAsync("周四鲜果", ("红富士苹果", 12.8m, "生鲜"));
        var now = DateTimeOffset.UtcNow;
        async Task<GroupBuy.Conversations.AfterSales.Ticket> TicketAsync(string resident, TimeSpan ago, TimeSpan? answeredAfter = null) =>
            await seed.TicketAsync(group, campaign, await seed.PickedUpAsync(group, campaign, resident, now.AddDays(-1), (1, 1)), resident, now - ago, answeredAfter);
        var late = await TicketAsync("吴奶奶", TimeSpan.FromMinutes(70));
        var soon = await TicketAsync("郑阿姨", TimeSpan.FromMinutes(10));
        var settled = await TicketAsync("冯大爷", TimeSpan.FromHours(3), answeredAfter: TimeSpan.FromMinutes(5));
        var session = await ConsoleSession.SignInAsync(host, "tickets");

        var html = await session.GetPageAsync("/console");

        var rows = ConsoleHtml.Rows(html, "tickets-list");
        Assert.Equal(2, rows.Count);
        Assert.StartsWith($"{late.Number} | 质量问题 | 吴奶奶 | 待答复 | 首次答复 | ", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("已超时", rows[0], StringComparison.Ordinal);
        Assert.StartsWith($"{soon.Number} | 质量问题 | 郑阿姨 | 待答复 | 首次答复 | ", rows[1], StringComparison.Ordinal);
        Assert.EndsWith("快到期", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.StartsWith(settled.Number, StringComparison.Ordinal));
        Assert.Contains("快到期或已超时的工单 2", ConsoleHtml.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_message_is_listed_and_sent_again_from_the_page_as_the_api_retries_it()
    {
        using var bridge = new BridgeServer();
        await using var host = BotHostFactory.OnPostgres(
            database.ConnectionString, ("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()));
        long id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            var message = OutboundMessage.ToChat(ChannelNames.Gateway, "room-down", "【周四鲜果】商品已配送至社区，请及时领取", [], "test:failed:1", DateTimeOffset.UtcNow.AddHours(-3));
            message.RecordFailure("the bridge answered 502 Bad Gateway", retryAt: null);
            db.OutboundMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var session = await ConsoleSession.SignInAsync(host, "retry");
        File.WriteAllText("/tmp/today.html", await session.GetPageAsync("/console"));
        var listed = Assert.Single(ConsoleHtml.Rows(await session.GetPageAsync("/console"), "failed-messages"));
        Assert.StartsWith("微信（桥接） 群 room-down | 【周四鲜果】商品已配送至社区，请及时领取 | the bridge answered 502 Bad Gateway | 1 | ", listed, StringComparison.Ordinal);
        Assert.EndsWith(" | 重试", listed, StringComparison.Ordinal);

        var retried = await session.PostFormAsync("/console", [], $"/console?handler=retry&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = await session.GetPageAsync("/console");
        Assert.Contains("已重新排队发送给群 room-down。", ConsoleHtml.Text(after), StringComparison.Ordinal);
        var delivered = Assert.Single(await bridge.WaitForDeliveriesAsync(1));
        Assert.Equal("【周四鲜果】商品已配送至社区，请及时领取", delivered.Text);
        Assert.Equal("test:failed:1", delivered.IdempotencyKey);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "outbox.retry");
            Assert.Equal(("retry", $"outbox {id}", "test:failed:1"), (audit.Actor, audit.Subject, audit.Detail));
        }

        // As the API refuses a second retry, so does the page, and the message is not sent twice.
        Assert.Empty((await host.CreateAdminClient().GetFromJsonAsync<JsonElement>(Url("/api/outbox?status=failed"))).EnumerateArray());
        await session.PostFormAsync("/console", [], $"/console?handler=retry&id={id}");
        Assert.Contains("这条消息已经不是发送失败的状态", ConsoleHtml.Text(await session.GetPageAsync("/console")), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(bridge.Deliveries);
    }
}
