using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Reliability;

/// <summary>
/// What residents may type that the bot must not misread: quantities out of every range are asked
/// back, never ordered; a reply longer than the gateway takes is refused naming the field; names and
/// replies that look like SQL or HTML are stored and said back literally, and escaped on every page.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string ScriptName = "<script>alert('x')</script>";
    private const string SqlName = "Robert'); DROP TABLE orders;--";
    private const string HtmlQuestion = "<img src=x onerror=alert(1)>什么时候到？' OR 1=1;--";

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
        await chat.PublishAsync(
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 },
            new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await database.DisposeAsync();
    }

    [Theory]
    [InlineData("1号+99999999999")]
    [InlineData("苹果+0")]
    [InlineData("苹果-5")]
    [InlineData("苹果+100000")]
    [InlineData("1号+100")]
    public async Task A_quantity_out_of_range_is_asked_back_and_orders_nothing(string reply)
    {
        await chat.SayAsync("u-1", "王阿姨", reply);

        Assert.Empty(await chat.OrdersAsync());
        Assert.Equal(100, await chat.StockAsync(1));
        var answer = Assert.Single(await chat.RepliesAsync());
        Assert.StartsWith("王阿姨，", answer.Text, StringComparison.Ordinal);
        Assert.Contains("1号+2", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_of_ten_thousand_characters_is_refused_naming_the_text_and_nothing_is_stored()
    {
        var response = await chat.Gateway.SendAsync(GatewayClient.Text("m-long", ChatScenario.ChatId, "u-1", "苹果+1" + new string('好', 10_000)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("text"));
        await using var scope = chat.Host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.AnyAsync(m => m.MessageId == "m-long"));
    }

    [Fact]
    public async Task Names_and_replies_that_look_like_sql_or_html_are_stored_and_said_literally_and_escaped_on_every_page()
    {
        await chat.SayAsync("u-1", ScriptName, "苹果+1");
        await chat.SayAsync("u-2", SqlName, "苹果+2");
        var question = await chat.SayAsync("u-3", "王阿姨", HtmlQuestion);

        // Stored as typed: the orders are there (no statement was cut short) and the question is unchanged.
        Assert.Equal(new Dictionary<string, string> { ["u-1"] = "1:1", ["u-2"] = "1:2" }, await chat.OrdersAsync());
        Assert.Equal(ScriptName, (await chat.OrderOfAsync("u-1")).GetProperty("residentName").GetString());
        Assert.Equal(SqlName, (await chat.OrderOfAsync("u-2")).GetProperty("residentName").GetString());
        await using (var scope = chat.Host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.AsNoTracking().SingleAsync(m => m.MessageId == question);
            Assert.Equal(HtmlQuestion, stored.Text);
        }

        // Said back literally in the chat (a chat is not a page).
        var replies = await chat.RepliesAsync();
        Assert.Contains(replies, r => r.Text.Contains(ScriptName + "：", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Text.Contains(SqlName + "：", StringComparison.Ordinal));

        // Escaped wherever the console shows them.
        var console = await ConsoleSession.SignInAsync(chat.Host);
        foreach (var page in new[] { $"/console/campaigns/{chat.CampaignId}", "/console", "/console/residents", "/console/try" })
        {
            var html = await console.GetPageAsync(page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }

        // The campaign's order list names both, as typed, encoded.
        var orders = await console.GetPageAsync($"/console/campaigns/{chat.CampaignId}");
        Assert.Contains("&lt;script&gt;alert(", orders, StringComparison.Ordinal);
        Assert.Contains("Robert&#x27;); DROP TABLE orders;--", orders, StringComparison.Ordinal);
    }
}
