using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Ordering.Llm;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Ordering;

/// <summary>
/// The LLM fallback in the chat, on PostgreSQL, against an OpenAI-compatible server played by
/// WireMock.Net: asked only about replies the parser finds unclear, its reading confirmed back to
/// the resident, and anything that does not check out asked back as if there were no model.
/// </summary>
public sealed class ChatOrderingWithModelTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly LlmFake model = new();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        chat = await ChatScenario.StartAsync(
            settings => BotHostFactory.OnPostgres(database.ConnectionString, settings),
            ("Llm:Endpoint", model.Server.Url + "/v1"),
            ("Llm:ApiKey", LlmFake.ApiKey),
            ("Llm:Model", LlmFake.Model),
            ("Llm:TimeoutSeconds", "2"));
        await chat.PublishAsync(
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 10 },
            new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await model.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task What_the_model_reads_is_ordered_and_confirmed_back_to_the_resident()
    {
        model.AnswerWithJson(new { kind = "order", lines = new[] { new { itemNo = 1, quantity = 2 } } });

        await chat.SayAsync("u-1", "王阿姨", "+1 给我家也留点那个红的");

        Assert.Equal("1:2", (await chat.OrdersAsync())["u-1"]);
        Assert.Equal(8, await chat.StockAsync(1));
        var confirmation = Assert.Single(await chat.RepliesAsync());
        Assert.StartsWith("王阿姨，我理解您要的是：1号红富士苹果×2，已经帮您记上啦～", confirmation.Text, StringComparison.Ordinal);
        Assert.Equal(["u-1"], confirmation.Body.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!));
        var request = Assert.Single(model.Requests);
        Assert.Contains("红富士苹果", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_the_parser_reads_never_goes_to_the_model()
    {
        model.AnswerWithJson(new { kind = "order", lines = new[] { new { itemNo = 2, quantity = 9 } } });

        await chat.SayAsync("u-1", "王阿姨", "苹果+1");
        await chat.SayAsync("u-2", "李叔", "辛苦团长啦");

        Assert.Equal("1:1", (await chat.OrdersAsync())["u-1"]);
        Assert.Equal(0, model.Arrivals);
    }

    [Theory]
    [InlineData("""{"kind":"order","lines":[{"itemNo":9,"quantity":1}]}""")]
    [InlineData("""{"kind":"order","lines":[{"itemNo":1,"quantity":500}]}""")]
    [InlineData("""{"kind":"unclear","lines":[]}""")]
    [InlineData("这不是 JSON")]
    public async Task An_answer_that_does_not_check_out_leaves_the_reply_unclear(string answer)
    {
        model.AnswerWith(answer);

        await chat.SayAsync("u-1", "王阿姨", "+1");

        Assert.Empty(await chat.OrdersAsync());
        var asked = Assert.Single(await chat.RepliesAsync());
        Assert.StartsWith("王阿姨，没太看明白您要哪个、要几份～", asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_or_slow_model_means_asking_back_not_a_lost_message()
    {
        model.AnswerWith("""{"kind":"order","lines":[{"itemNo":1,"quantity":1}]}""", delay: TimeSpan.FromSeconds(30));

        await chat.SayAsync("u-1", "王阿姨", "+1");

        Assert.Empty(await chat.OrdersAsync());
        Assert.StartsWith("王阿姨，没太看明白", Assert.Single(await chat.RepliesAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_says_when_the_model_read_a_reply()
    {
        model.AnswerWithJson(new { kind = "change", lines = new[] { new { itemNo = 2, quantity = 3 } } });

        var response = await chat.Admin.PostAsJsonAsync(new Uri($"/api/campaigns/{chat.CampaignId}/parse", UriKind.Relative), new { text = "那个黄的换成三个吧", senderName = "王阿姨" });
        var reading = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("change", reading.GetProperty("kind").GetString());
        Assert.Equal("model", reading.GetProperty("readBy").GetString());
        Assert.Equal(2, reading.GetProperty("lines")[0].GetProperty("itemNo").GetInt32());
        Assert.Empty(await chat.OrdersAsync());
    }
}
