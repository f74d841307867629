using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using Xunit;

namespace GroupBuy.BotHost.Tests.Ordering;

/// <summary>
/// A group chat becomes an order book, end to end through the host on each storage provider:
/// residents' replies arrive by the signed gateway webhook, the bot's answers leave through the bridge.
/// </summary>
public abstract class ChatOrderingContract : IAsyncLifetime
{
    protected static readonly object Apple = new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 10 };
    protected static readonly object Banana = new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null };
    protected static readonly object Milk = new { name = "纯牛奶", aliases = new[] { "牛奶" }, price = 49.9m, referencePrice = 59.9m, category = "食品", stock = (int?)null };

    protected ChatScenario Chat { get; private set; } = null!;

    protected abstract Task<ChatScenario> StartAsync();

    public virtual async Task InitializeAsync()
    {
        Chat = await StartAsync();
        await Chat.PublishAsync(Apple, Banana, Milk);
    }

    public virtual async Task DisposeAsync() => await Chat.DisposeAsync();

    [Fact]
    public async Task Parse_is_a_dry_run_of_how_the_bot_reads_a_reply()
    {
        Assert.Equal(("order", "1:2"), await ParseAsync("@团购助手 苹果+2 谢谢团长🙏"));
        Assert.Equal(("order", "2:1 3:2"), await ParseAsync("2号1份，牛奶两箱"));
        Assert.Equal(("change", "2:3"), await ParseAsync("香蕉改成3"));
        Assert.Equal(("cancel", "3:0"), await ParseAsync("取消牛奶"));
        Assert.Equal(("cancel", string.Empty), await ParseAsync("都取消吧"));
        Assert.Equal(("none", string.Empty), await ParseAsync("前天+1的什么时候到"));
        Assert.Equal(("unclear", string.Empty), await ParseAsync("+1"));
        Assert.Equal(("order", "2:1"), await ParseAsync("+1", quotedText: "2号 香蕉 今天特别甜"));
        Assert.Equal(("order", "1:2 2:3"), await ParseAsync("#接龙 周四鲜果\n1. 王阿姨 苹果+2\n2. 李叔 香蕉+3"));

        var reading = await ParseJsonAsync(new { text = "苹果+2", senderName = "王阿姨" });
        Assert.Equal("parser", reading.GetProperty("readBy").GetString());
        Assert.True(reading.GetProperty("takingOrders").GetBoolean());
        Assert.Equal("红富士苹果", reading.GetProperty("lines")[0].GetProperty("itemName").GetString());

        // A dry run: nobody ordered anything.
        Assert.Empty(await Chat.OrdersAsync());
        Assert.Equal(10, await Chat.StockAsync(1));
    }

    [Fact]
    public async Task Parse_in_a_chat_reads_a_chain_against_the_chats_latest_one()
    {
        await Chat.SayAsync("u-1", "王阿姨", "#接龙 周四鲜果\n1. 王阿姨 苹果+2");

        var reading = await ParseJsonAsync(new { text = "#接龙 周四鲜果\n1. 王阿姨 苹果+2\n2. 李叔 香蕉+3", senderName = "李叔", chatId = ChatScenario.ChatId });

        Assert.Equal("order", reading.GetProperty("kind").GetString());
        Assert.Equal("2:3", Lines(reading));
    }

    [Fact]
    public async Task Parse_refuses_bad_requests_clearly()
    {
        var missing = await Chat.Admin.PostAsync(Url($"/api/campaigns/{Chat.CampaignId}/parse"), Json("""{"senderName":"王阿姨"}"""));
        Assert.NotEmpty((await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text"));

        var wrongType = await Chat.Admin.PostAsync(Url($"/api/campaigns/{Chat.CampaignId}/parse"), Json("""{"text":42}"""));
        Assert.NotEmpty((await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text"));

        var otherChat = await Chat.Admin.PostAsJsonAsync(Url($"/api/campaigns/{Chat.CampaignId}/parse"), new { text = "+1", chatId = "room-9" });
        Assert.NotEmpty((await otherChat.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("chatId"));

        var unknown = await Chat.Admin.PostAsJsonAsync(Url("/api/campaigns/999999/parse"), new { text = "+1" });
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);

        var anonymous = await Chat.Host.CreateAnonymousClient().PostAsJsonAsync(Url($"/api/campaigns/{Chat.CampaignId}/parse"), new { text = "+1" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Replies_order_change_and_cancel_and_the_chat_hears_an_acknowledgement()
    {
        await Chat.SayAsync("u-1", "王阿姨", "苹果+2 香蕉+1");
        Assert.Equal("1:2 2:1", (await Chat.OrdersAsync())["u-1"]);
        Assert.Equal(8, await Chat.StockAsync(1));
        var ack = await Chat.WaitForAsync(d => d.Text.Contains("王阿姨：1号红富士苹果×2、2号香蕉×1，共31.6元", StringComparison.Ordinal));
        Assert.StartsWith("已记下【周四鲜果】", ack.Text, StringComparison.Ordinal);
        Assert.Equal(["u-1"], Mentions(ack));

        await Chat.SayAsync("u-1", "王阿姨", "苹果改成1");
        Assert.Equal("1:1 2:1", (await Chat.OrdersAsync())["u-1"]);
        Assert.Equal(9, await Chat.StockAsync(1));
        await Chat.WaitForAsync(d => d.Text.Contains("王阿姨：1号红富士苹果×1、2号香蕉×1，共18.8元", StringComparison.Ordinal));

        await Chat.SayAsync("u-1", "王阿姨", "取消香蕉");
        Assert.Equal("1:1", (await Chat.OrdersAsync())["u-1"]);

        await Chat.SayAsync("u-1", "王阿姨", "都取消吧");
        var order = await Chat.OrderOfAsync("u-1");
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("lines").EnumerateArray());
        Assert.Equal(10, await Chat.StockAsync(1));
        await Chat.WaitForAsync(d => d.Text.Contains("王阿姨：已取消", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivered_reply_never_doubles_an_order()
    {
        for (var i = 0; i < 3; i++)
        {
            await Chat.SayAsync("u-1", "王阿姨", "苹果+1", messageId: "m-same");
        }

        Assert.Equal("1:1", (await Chat.OrdersAsync())["u-1"]);
        Assert.Equal(9, await Chat.StockAsync(1));
        Assert.Single(await Chat.RepliesAsync());
    }

    [Fact]
    public async Task In_an_order_chain_only_the_senders_new_lines_count()
    {
        await Chat.SayAsync("u-1", "王阿姨", "#接龙 周四鲜果\n1. 王阿姨 苹果+2");
        await Chat.SayAsync("u-2", "李叔", "#接龙 周四鲜果\n1. 王阿姨 苹果+2\n2. 李叔 香蕉+3");
        await Chat.SayAsync("u-3", "张姐", "#接龙 周四鲜果\n1. 王阿姨 苹果+2\n2. 李叔 香蕉+3\n3. 张姐 牛奶+1 苹果+1");
        // Copied again with nothing added, and renumbered: nobody's order moves.
        await Chat.SayAsync("u-2", "李叔", "#接龙 周四鲜果\n1、王阿姨 苹果+2\n2、李叔 香蕉+3\n3、张姐 牛奶+1 苹果+1");

        var orders = await Chat.OrdersAsync();
        Assert.Equal("1:2", orders["u-1"]);
        Assert.Equal("2:3", orders["u-2"]);
        Assert.Equal("1:1 3:1", orders["u-3"]);
        Assert.Equal(3, orders.Count);
        Assert.Equal(7, await Chat.StockAsync(1));
    }

    [Fact]
    public async Task A_copy_of_the_preview_counts_only_the_residents_own_lines()
    {
        await Chat.SayAsync("u-5", "赵姐", Chat.Preview + "\n赵姐 香蕉+2");

        Assert.Equal("2:2", (await Chat.OrdersAsync())["u-5"]);
        Assert.Equal(10, await Chat.StockAsync(1));
    }

    [Fact]
    public async Task After_the_cut_off_a_resident_is_told_once_and_nothing_is_ordered()
    {
        var closed = await Chat.Admin.PostAsync(Url($"/api/campaigns/{Chat.CampaignId}/close"), null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        await Chat.SayAsync("u-1", "王阿姨", "苹果+1");
        await Chat.SayAsync("u-1", "王阿姨", "香蕉+2");
        await Chat.SayAsync("u-2", "李叔", "#接龙 周四鲜果\n1. 李叔 苹果+1");
        await Chat.SayAsync("u-3", "张姐", "辛苦团长啦");

        var replies = await Chat.RepliesAsync();
        // Ops' close is the leader's 截单 for every chat: the chat hears it once, then each resident once.
        Assert.Equal(3, replies.Count);
        Assert.Contains(replies, r => r.Text == "【周四鲜果】已截单，这次本群没有订单，下次开团见～" && Mentions(r).Count == 0);
        Assert.Contains(replies, r => r.Text == "王阿姨，【周四鲜果】已经截单啦，这次没能帮您记上，下次开团早点来哦～" && Mentions(r).SequenceEqual(["u-1"]));
        Assert.Contains(replies, r => r.Text.StartsWith("李叔，【周四鲜果】已经截单啦", StringComparison.Ordinal) && Mentions(r).SequenceEqual(["u-2"]));
        Assert.Empty(await Chat.OrdersAsync());
        Assert.Equal(10, await Chat.StockAsync(1));
    }

    [Fact]
    public async Task An_unreadable_order_is_asked_back_and_a_quoted_item_settles_it()
    {
        await Chat.SayAsync("u-1", "王阿姨", "+1");

        var asked = Assert.Single(await Chat.RepliesAsync());
        Assert.StartsWith("王阿姨，没太看明白您要哪个、要几份～", asked.Text, StringComparison.Ordinal);
        Assert.Equal(["u-1"], Mentions(asked));
        Assert.Empty(await Chat.OrdersAsync());

        var itemPost = await Chat.SayAsync(ChatScenario.LeaderId, "李姐", "2号 香蕉 今天到的特别甜");
        await Chat.SayAsync("u-1", "王阿姨", "+1", quotedMessageId: itemPost);

        Assert.Equal("2:1", (await Chat.OrdersAsync())["u-1"]);
    }

    [Fact]
    public async Task A_resident_who_misses_out_is_told_which_item_sold_out()
    {
        await Chat.SayAsync("u-1", "王阿姨", "苹果+8");
        await Chat.SayAsync("u-2", "李叔", "苹果+5 香蕉+1");

        var soldOut = await Chat.WaitForAsync(d => d.Text.StartsWith("李叔，抱歉", StringComparison.Ordinal));
        Assert.Contains("1号红富士苹果只剩2份了", soldOut.Text, StringComparison.Ordinal);
        Assert.Equal(["u-2"], Mentions(soldOut));
        var orders = await Chat.OrdersAsync();
        Assert.Equal("1:8", orders["u-1"]);
        Assert.Equal("2:1", orders["u-2"]);
        Assert.Equal(2, await Chat.StockAsync(1));
    }

    [Fact]
    public async Task Chit_chat_is_left_alone_and_a_cancellation_of_nothing_is_answered()
    {
        await Chat.SayAsync("u-1", "王阿姨", "辛苦团长啦");
        await Chat.SayAsync("u-1", "王阿姨", "还能+1吗");
        await Chat.SayAsync("u-1", "王阿姨", "[动画表情]");
        Assert.Empty(await Chat.RepliesAsync());

        await Chat.SayAsync("u-1", "王阿姨", "取消香蕉");
        var answer = Assert.Single(await Chat.RepliesAsync());
        Assert.Equal("王阿姨，您在【周四鲜果】没有订2号香蕉，不用取消哦～", answer.Text);

        await Chat.SayAsync("u-1", "王阿姨", "帮助");
        Assert.Contains(await Chat.RepliesAsync(), r => r.Text.Contains("团购小助手", StringComparison.Ordinal));
        Assert.Empty(await Chat.OrdersAsync());
    }

    private async Task<(string Kind, string Lines)> ParseAsync(string text, string? quotedText = null)
    {
        var reading = await ParseJsonAsync(new { text, senderName = "王阿姨", quotedText });
        return (reading.GetProperty("kind").GetString()!, Lines(reading));
    }

    private async Task<JsonElement> ParseJsonAsync(object body)
    {
        var response = await Chat.Admin.PostAsJsonAsync(Url($"/api/campaigns/{Chat.CampaignId}/parse"), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Lines(JsonElement reading) =>
        string.Join(' ', reading.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("itemNo").GetInt32()}:{l.GetProperty("quantity").GetInt32()}"));

    protected static IReadOnlyList<string> Mentions(BridgeDelivery delivery) =>
        [.. delivery.Body.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!)];

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
