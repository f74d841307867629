using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>试读回复: the console reads a reply with the admin API's dry run, says how in ops' words, and stores nothing.</summary>
public sealed class TryReplyPageTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public TryReplyPageTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>A draft of 1 红富士苹果 (苹果) and 2 香蕉 in a newly registered chat.</summary>
    private static async Task<long> DraftAsync(HttpClient admin, string chatId)
    {
        await admin.RegisterGroupAsync(chatId);
        var created = await admin.PostAsJsonAsync(Url("/api/campaigns"), new
        {
            title = "周四鲜果",
            chatIds = new[] { chatId },
            closesAt = "2099-01-01T20:00:00+08:00",
            pickupAt = "2099-01-02T17:00:00+08:00",
            pickupPoint = "3栋大堂快递柜旁",
            items = new object[]
            {
                new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 10 },
                new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null },
            },
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<string> TryAsync(ConsoleSession session, long campaignId, string text)
    {
        var response = await session.PostFormAsync("/console/try", new() { ["CampaignId"] = campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Text"] = text, ["SenderName"] = "王阿姨" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Rows of every table the bot's answer could touch, to show the dry run wrote nothing.</summary>
    private static async Task<string> StoredAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        return string.Join(' ',
            await db.Orders.CountAsync(),
            await db.Residents.CountAsync(),
            await db.InboundMessages.CountAsync(),
            await db.OutboundMessages.CountAsync(),
            await db.Set<ChatChain>().CountAsync(),
            await db.AuditEntries.CountAsync(),
            string.Join(',', await db.CampaignItems.OrderBy(i => i.Id).Select(i => i.Stock).ToListAsync()));
    }

    [Theory]
    [InlineData("苹果+2", "下单", "1号 | 红富士苹果 | 2")]
    [InlineData("取消香蕉", "取消", "2号 | 香蕉 | 取消")]
    [InlineData("+1", "看不懂", "")]
    [InlineData("@团长 几点到", "闲聊", "")]
    public async Task The_page_reads_a_reply_as_the_dry_run_does_and_stores_nothing(string text, string kind, string line)
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var id = await DraftAsync(admin, "room-try-" + Guid.NewGuid().ToString("N")[..8]);
        var session = await ConsoleSession.SignInAsync(host, "try-" + Guid.NewGuid().ToString("N")[..8]);
        var page = await session.GetPageAsync("/console/try");
        Assert.Contains($"#{id} 周四鲜果（草稿）", ConsoleHtml.Text(page), StringComparison.Ordinal);
        var before = await StoredAsync(host);

        var html = await TryAsync(session, id, text);

        var reading = ConsoleHtml.Element(html, "reading");
        Assert.StartsWith($"机器人这样读 {kind}", reading, StringComparison.Ordinal);
        Assert.Contains("规则读的", reading, StringComparison.Ordinal);
        Assert.Equal(line.Length == 0 ? [] : [line], ConsoleHtml.Rows(html, "reading-lines"));
        Assert.Equal(text, ConsoleHtml.TextAreaValue(html, "Text"));

        // The same reading as the API's dry run, and nothing stored by either.
        var api = await (await admin.PostAsJsonAsync(Url($"/api/campaigns/{id}/parse"), new { text, senderName = "王阿姨" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            api.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("itemNo").GetInt32()}号 | {l.GetProperty("itemName").GetString()} | {(l.GetProperty("quantity").GetInt32() == 0 ? "取消" : l.GetProperty("quantity").GetInt32())}"),
            ConsoleHtml.Rows(html, "reading-lines"));
        Assert.Equal("parser", api.GetProperty("readBy").GetString());
        Assert.Equal(before, await StoredAsync(host));
    }

    [Fact]
    public async Task An_empty_reply_is_refused_beside_its_field()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var id = await DraftAsync(host.CreateAdminClient(), "room-try-empty");
        var session = await ConsoleSession.SignInAsync(host, "try-empty");

        var html = await TryAsync(session, id, " ");

        Assert.Equal("必填。", ConsoleHtml.FieldError(html, "Text"));
        Assert.Equal(string.Empty, ConsoleHtml.Element(html, "reading"));
    }

    [Fact]
    public async Task A_reply_the_rules_cannot_read_goes_to_the_model_and_the_page_says_so()
    {
        using var model = new OpenAiServer("sk-test-try-7c1e");
        model.AnswerWithJson(new { kind = "change", lines = new[] { new { itemNo = 2, quantity = 3 } } });
        var settings = model.Settings(configured: true, new Dictionary<string, string?> { ["Llm:TimeoutSeconds"] = "5" });
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, [.. settings.Select(s => (s.Key, s.Value))]);
        var id = await DraftAsync(host.CreateAdminClient(), "room-try-model");
        var session = await ConsoleSession.SignInAsync(host, "try-model");
        var before = await StoredAsync(host);

        var html = await TryAsync(session, id, "那个黄的换成三个吧");

        var reading = ConsoleHtml.Element(html, "reading");
        Assert.StartsWith("机器人这样读 修改", reading, StringComparison.Ordinal);
        Assert.Contains("大模型读的", reading, StringComparison.Ordinal);
        Assert.Equal(["2号 | 香蕉 | 3"], ConsoleHtml.Rows(html, "reading-lines"));
        Assert.Contains("那个黄的换成三个吧", Assert.Single(model.Requests).Body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(host));
    }
}
