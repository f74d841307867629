using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Channels.Simulator;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.Simulator;

/// <summary>
/// The chat simulator through the real host on PostgreSQL: the demo community made on an empty
/// database, and a whole story played on the simulator page: order, cut-off, arrival with pickup
/// codes, a complaint continued privately.
/// </summary>
public sealed class SimulatorTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public SimulatorTests(PostgresDatabase database)
    {
        this.database = database;
    }

    [Fact]
    public async Task A_newcomer_orders_cuts_off_gets_a_pickup_code_and_complains_in_the_demo_community()
    {
        var empty = await database.Cluster.CreateDatabaseAsync("t_sim_" + Guid.NewGuid().ToString("N")[..12]);
        await using var host = BotHostFactory.OnPostgres(empty, ("Simulator:DemoOnFirstStart", "true"), ("Ordering:AckDelaySeconds", "0"));
        var ops = await ConsoleSession.SignInAsync(host);

        var page = await ops.GetPageAsync("/console/simulator");
        Assert.Contains("阳光花园3栋团购群（演示）", page, StringComparison.Ordinal);
        var preview = await WaitForAsync(ops, "demo-1", m => m.FromBot && m.Text.Contains("【周末鲜果（演示）】开团啦", StringComparison.Ordinal));
        Assert.Contains("1号 红富士苹果 ¥12.8", preview.Text, StringComparison.Ordinal);

        await SayAsync(ops, "王阿姨", "苹果+2");
        var ack = await WaitForAsync(ops, "demo-1", m => m.FromBot && m.Text.Contains("王阿姨：1号红富士苹果×2", StringComparison.Ordinal));
        Assert.Equal(DemoCommunity.FirstChatId, ack.ChatId);

        await SayAsync(ops, "李姐", "截单", asLeader: true);
        await WaitForAsync(ops, "demo-1", m => m.FromBot && m.Text.Contains("截单", StringComparison.Ordinal) && m.Text.Contains("取货", StringComparison.Ordinal));
        await SayAsync(ops, "李姐", "到货", asLeader: true);
        var arrival = await WaitForAsync(ops, "demo-1", m => m.FromBot && m.Text.Contains("王阿姨", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(m.Text, "\\d{4}"));
        Assert.Contains("3栋大堂快递柜旁", arrival.Text, StringComparison.Ordinal);

        await SayAsync(ops, "王阿姨", "苹果烂了");
        var privately = await WaitForAsync(ops, "demo-1", m => m.FromBot && m.ChatId is null && m.PersonId == SimulatorChat.PersonIdOf("王阿姨"));
        Assert.False(string.IsNullOrWhiteSpace(privately.Text));

        // The order is in the order book like any other.
        var campaigns = await host.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri("/api/campaigns", UriKind.Relative));
        var id = campaigns.EnumerateArray().Single().GetProperty("id").GetInt64();
        var orders = await host.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{id}/orders", UriKind.Relative));
        var order = Assert.Single(orders.EnumerateArray());
        Assert.Equal("王阿姨", order.GetProperty("residentName").GetString());
        Assert.Equal(2, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());

        // A second start on the same database makes no second demo.
        await using var again = BotHostFactory.OnPostgres(empty, ("Simulator:DemoOnFirstStart", "true"));
        var groups = await again.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri("/api/groups", UriKind.Relative));
        Assert.Single(groups.EnumerateArray());
    }

    [Fact]
    public async Task The_demo_button_makes_another_group_and_bad_lines_are_refused_storing_nothing()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var ops = await ConsoleSession.SignInAsync(host, "demo-maker");
        var made = await ops.PostFormAsync("/console/simulator", [], "/console/simulator?handler=demo");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var chat = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://host"), made.Headers.Location!).Query)["chat"]!;

        var empty = await SayAsync(ops, "王阿姨", "   ", chat: chat);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请输入要说的话", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nameless = await SayAsync(ops, new string('王', 40), "苹果+1", chat: chat);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        Assert.False(await db.InboundMessages.AnyAsync(m => m.ChatId == chat));
        Assert.Equal("simulator.demo", (await db.AuditEntries.SingleAsync(e => e.Subject == chat)).Action);
    }

    [Fact]
    public async Task Html_and_script_in_what_people_say_are_shown_as_text()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var ops = await ConsoleSession.SignInAsync(host, "escaper");
        var made = await ops.PostFormAsync("/console/simulator", [], "/console/simulator?handler=demo");
        var chat = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://host"), made.Headers.Location!).Query)["chat"]!;
        const string Nasty = "</script><img src=x onerror=alert(1)>";

        await SayAsync(ops, "<b>王</b>", Nasty, chat: chat);
        ops.Client.DefaultRequestHeaders.Accept.Clear();
        await ops.PostFormAsync($"/console/simulator?chat={chat}", new() { ["Chat"] = chat, ["Name"] = "<b>王</b>", ["AsLeader"] = "false", ["Text"] = Nasty, ["Privately"] = "true" }, "/console/simulator?handler=say");

        var page = await ops.GetPageAsync($"/console/simulator?chat={chat}");
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>王</b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_the_outbox_retries_shows_once()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        var channel = host.Services.GetServices<Conversations.Chats.IChatChannel>().Single(c => c.Name == "simulator");
        var message = OutboundMessage.ToChat("simulator", "retried-chat", "你好", [], "key-retried-1", DateTimeOffset.UtcNow);

        await channel.SendAsync(message, CancellationToken.None);
        await channel.SendAsync(message, CancellationToken.None);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        Assert.Equal(1, await db.SimulatorMessages.CountAsync(m => m.ChatId == "retried-chat"));
    }

    private static Task<HttpResponseMessage> SayAsync(ConsoleSession ops, string name, string text, bool asLeader = false, string chat = DemoCommunity.FirstChatId)
    {
        ops.Client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return ops.PostFormAsync(
            $"/console/simulator?chat={chat}",
            new() { ["Chat"] = chat, ["Name"] = name, ["AsLeader"] = asLeader ? "true" : "false", ["Text"] = text },
            "/console/simulator?handler=say");
    }

    private static async Task<Line> WaitForAsync(ConsoleSession ops, string chat, Func<Line, bool> match)
    {
        for (var i = 0; i < 300; i++)
        {
            var lines = await ops.Client.GetFromJsonAsync<List<Line>>(new Uri($"/console/simulator?handler=messages&chat={chat}&after=0", UriKind.Relative));
            if (lines!.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The simulator never showed the expected message.");
    }

    private sealed record Line(long Id, string? ChatId, string PersonId, string SenderName, bool FromBot, string Text, string At);
}
