using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Leaders;

/// <summary>
/// The leader runs the campaign from the group chat, on PostgreSQL, through the signed gateway
/// webhook: each command from the leader (with and without "@团购助手" or "/"), from a resident, and
/// with arguments that cannot be done.
/// </summary>
public sealed class LeaderCommandTests : IAsyncLifetime
{
    private const string Leader = ChatScenario.LeaderId;

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
        await chat.PublishAsync(
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 50 },
            new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null },
            new { name = "全麦面包", aliases = new[] { "面包" }, price = 8.5m, referencePrice = 10m, category = "食品", stock = (int?)null });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Help_from_the_leader_lists_the_commands_and_a_resident_gets_the_residents_help()
    {
        await chat.SayAsync(Leader, "李姐", "@团购助手 帮助");
        await chat.SayAsync("u-1", "王阿姨", "帮助");

        var replies = await chat.RepliesAsync();
        Assert.Equal(2, replies.Count);
        Assert.Contains(replies, r => r.Text.StartsWith("李姐，在群里对我说这些就行", StringComparison.Ordinal) && r.Text.Contains("缺货 3 2", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Text.Contains("团购小助手", StringComparison.Ordinal) && !r.Text.Contains("缺货", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resident_giving_a_command_is_told_once_a_day_that_it_is_the_leaders_and_nothing_happens()
    {
        await chat.SayAsync("u-1", "王阿姨", "截单");
        await chat.SayAsync("u-1", "王阿姨", "/截单");
        await chat.SayAsync("u-1", "王阿姨", "@团购助手 截单");
        await chat.SayAsync("u-2", "李叔", "到货");

        var replies = await chat.RepliesAsync();
        Assert.Equal(2, replies.Count);
        Assert.Contains(replies, r => r.Text == "王阿姨，“截单”是团长用的指令哦～有需要可以直接找团长李姐。" && Mentions(r).SequenceEqual(["u-1"]));
        Assert.Contains(replies, r => r.Text.StartsWith("李叔，“到货”是团长用的指令", StringComparison.Ordinal));

        // Still taking orders.
        await chat.SayAsync("u-1", "王阿姨", "苹果+1");
        Assert.Equal("1:1", (await chat.OrdersAsync())["u-1"]);
    }

    [Theory]
    [InlineData("开团 周四鲜果", "开团")]
    [InlineData("@团购助手 汇总", "汇总")]
    [InlineData("/统计", "统计")]
    [InlineData("核销 1001", "核销")]
    [InlineData("已取 @李叔", "已取")]
    [InlineData("未取", "未取")]
    [InlineData("缺货 1 2", "缺货")]
    [InlineData("提醒", "提醒")]
    [InlineData("佣金", "佣金")]
    public async Task Every_command_from_a_resident_is_the_leaders(string text, string word)
    {
        await chat.SayAsync("u-1", "王阿姨", text);

        var refusal = Assert.Single(await chat.RepliesAsync());
        Assert.Equal($"王阿姨，“{word}”是团长用的指令哦～有需要可以直接找团长李姐。", refusal.Text);
    }

    [Fact]
    public async Task Chat_that_only_looks_like_a_command_is_left_alone()
    {
        await chat.SayAsync("u-1", "王阿姨", "到货了吗");
        await chat.SayAsync("u-2", "李叔", "汇总一下大家的意见吧");
        await chat.SayAsync("u-3", "张姐", "提醒我一下几点取");

        Assert.Empty(await chat.RepliesAsync());
    }

    [Fact]
    public async Task Cut_off_closes_this_group_gives_pickup_codes_and_tells_everyone()
    {
        await chat.SayAsync("u-1", "王阿姨", "苹果+2");
        await chat.SayAsync("u-2", "李叔", "香蕉+1");

        await chat.SayAsync(Leader, "李姐", "@团购助手 截单");

        var announcement = await chat.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】已截单", StringComparison.Ordinal));
        Assert.Contains("本群共2位邻居下单", announcement.Text, StringComparison.Ordinal);
        Assert.Empty(Mentions(announcement));
        Assert.Equal("1001", (await chat.OrderOfAsync("u-1")).GetProperty("pickupCode").GetString());
        Assert.Equal("1002", (await chat.OrderOfAsync("u-2")).GetProperty("pickupCode").GetString());

        await chat.SayAsync("u-3", "张姐", "苹果+1");
        await chat.WaitForAsync(d => d.Text.StartsWith("张姐，【周四鲜果】已经截单啦", StringComparison.Ordinal));
        Assert.DoesNotContain("u-3", (await chat.OrdersAsync()).Keys);

        await chat.SayAsync(Leader, "李姐", "/截单");
        await chat.WaitForAsync(d => d.Text == "【周四鲜果】在本群已经截单啦～" && Mentions(d).SequenceEqual([Leader]));
    }

    [Fact]
    public async Task Summary_lists_items_residents_and_money()
    {
        await chat.SayAsync("u-1", "王阿姨", "苹果+2 香蕉+1");
        await chat.SayAsync("u-2", "李叔", "苹果+1");

        await chat.SayAsync(Leader, "李姐", "汇总");
        await chat.SayAsync(Leader, "李姐", "/统计");

        var summaries = (await chat.RepliesAsync()).Where(r => r.Text.StartsWith("【周四鲜果】本群订单汇总", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Equal(
            """
            【周四鲜果】本群订单汇总（仍在接单中）
            1号红富士苹果：3份，¥38.4
            2号香蕉：1份，¥6
            共2单，合计¥44.4
            ———
            王阿姨：1号红富士苹果×2、2号香蕉×1，¥31.6
            李叔：1号红富士苹果×1，¥12.8
            """.ReplaceLineEndings("\n"),
            summaries[0].Text);
    }

    [Fact]
    public async Task Arrival_tells_each_resident_their_code_and_pickups_by_code_or_mention_are_recorded()
    {
        await chat.SayAsync("u-1", "王阿姨", "苹果+2");
        await chat.SayAsync("u-2", "李叔", "香蕉+1");
        await chat.SayAsync("u-3", "张姐", "面包+1");
        await chat.SayAsync("u-4", "赵姐", "苹果+1");
        await chat.SayAsync("u-4", "赵姐", "都取消吧");

        await chat.SayAsync(Leader, "李姐", "未取");
        await chat.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】还没登记到货哦", StringComparison.Ordinal));

        await chat.SayAsync(Leader, "李姐", "到货");
        var arrival = await chat.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】到货啦！", StringComparison.Ordinal));
        Assert.Contains("王阿姨：1001（1号红富士苹果×2）", arrival.Text, StringComparison.Ordinal);
        Assert.Contains("李叔：1002（2号香蕉×1）", arrival.Text, StringComparison.Ordinal);
        Assert.Contains("张姐：1003（3号全麦面包×1）", arrival.Text, StringComparison.Ordinal);
        Assert.Equal(["u-1", "u-2", "u-3"], Mentions(arrival));
        await using (var scope = chat.Host.Services.CreateAsyncScope())
        {
            // The reminders that follow are planned with the arrival (when they fall is PickupReminderPlanTests' business).
            var steps = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<PickupReminder>().Select(r => r.Step).ToListAsync();
            Assert.Contains(PickupReminderStep.NextMorning, steps);
            Assert.Contains(PickupReminderStep.LeaderOverdue, steps);
        }

        await chat.SayAsync(Leader, "李姐", "核销 1001");
        await chat.WaitForAsync(d => d.Text.StartsWith("已核销：\n王阿姨 1001（1号红富士苹果×2）\n还有2位没取。", StringComparison.Ordinal));
        await chat.SayAsync(Leader, "李姐", "@团购助手 已取 1001 9999");
        await chat.WaitForAsync(d => d.Text == "之前已经取过了：\n王阿姨 1001\n没找到待取订单：9999，请核对取件码～");
        await chat.SayAsync(Leader, "李姐", "已取 @李叔", mentions: ["u-2"]);
        await chat.WaitForAsync(d => d.Text.StartsWith("已核销：\n李叔 1002", StringComparison.Ordinal));
        await chat.SayAsync(Leader, "李姐", "已取");
        await chat.WaitForAsync(d => d.Text.StartsWith("已取后面请带上取件码或@取货人", StringComparison.Ordinal));

        Assert.Equal("picked_up", (await chat.OrderOfAsync("u-1")).GetProperty("status").GetString());
        Assert.Equal("picked_up", (await chat.OrderOfAsync("u-2")).GetProperty("status").GetString());
        Assert.Equal("open", (await chat.OrderOfAsync("u-3")).GetProperty("status").GetString());

        await chat.SayAsync(Leader, "李姐", "未取");
        await chat.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】还有1位没取（已取2位）：\n张姐 1003（3号全麦面包×1）", StringComparison.Ordinal));

        await chat.SayAsync(Leader, "李姐", "提醒");
        var reminder = await chat.WaitForAsync(d => d.Text.StartsWith("温馨提醒：【周四鲜果】", StringComparison.Ordinal));
        Assert.Contains("张姐：取件码1003", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(["u-3"], Mentions(reminder));

        await chat.SayAsync(Leader, "李姐", "到货");
        await chat.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】已经登记过到货啦", StringComparison.Ordinal));

        // Picked-up orders no longer change.
        await chat.SayAsync("u-1", "王阿姨", "苹果+1");
        Assert.Equal("1:2", (await chat.OrdersAsync())["u-1"]);
    }

    [Fact]
    public async Task A_shortage_cuts_the_latest_orders_first_refunds_them_and_tells_them()
    {
        await chat.SayAsync("u-1", "王阿姨", "苹果+3");
        await chat.SayAsync("u-2", "李叔", "苹果+2 香蕉+1");
        await chat.SayAsync("u-3", "张姐", "苹果+1");

        await chat.SayAsync(Leader, "李姐", "缺货 1 2");
        await chat.WaitForAsync(d => d.Text == "【周四鲜果】还在接单中，截单收货后再登记缺货～");

        await chat.SayAsync(Leader, "李姐", "截单");
        await chat.SayAsync(Leader, "李姐", "缺货 9 1");
        await chat.WaitForAsync(d => d.Text == "【周四鲜果】里没有9号商品，请核对编号～");
        await chat.SayAsync(Leader, "李姐", "缺货 苹果");
        await chat.WaitForAsync(d => d.Text.StartsWith("缺货登记格式：缺货 商品编号 少了几份", StringComparison.Ordinal));
        await chat.SayAsync(Leader, "李姐", "缺货 3 1");
        await chat.WaitForAsync(d => d.Text == "本群没有待取的3号全麦面包订单，不用登记缺货～");

        await chat.SayAsync(Leader, "李姐", "@团购助手 缺货 1号 2份");

        var summary = await chat.WaitForAsync(d => d.Text.StartsWith("已登记缺货：1号红富士苹果少2份", StringComparison.Ordinal));
        Assert.Contains("张姐 -1份\n李叔 -1份\n共退款¥25.6", summary.Text, StringComparison.Ordinal);
        var toZhang = await chat.WaitForAsync(d => d.Text.StartsWith("张姐，非常抱歉", StringComparison.Ordinal));
        Assert.Equal("张姐，非常抱歉，这次1号红富士苹果到货不足，您订的1份这次没货了，少的1份会退款¥12.8给您，给您添麻烦了🙏", toZhang.Text);
        Assert.Equal(["u-3"], Mentions(toZhang));
        var toLi = await chat.WaitForAsync(d => d.Text.StartsWith("李叔，非常抱歉", StringComparison.Ordinal));
        Assert.Contains("您订的2份只能给1份，少的1份会退款¥12.8", toLi.Text, StringComparison.Ordinal);

        var orders = await chat.OrdersAsync();
        Assert.Equal("1:3", orders["u-1"]);
        Assert.Equal("1:1 2:1", orders["u-2"]);
        Assert.Equal(string.Empty, orders["u-3"]);

        await using var scope = chat.Host.Services.CreateAsyncScope();
        var refunds = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Set<Refund>().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(1, 1, 12.8m, RefundReason.Shortage), (1, 1, 12.8m, RefundReason.Shortage)], refunds.Select(r => (r.ItemNo, r.Quantity, r.Amount, r.Reason)));
    }

    [Fact]
    public async Task The_leader_opens_a_prepared_campaign_in_the_group()
    {
        var draft = await chat.Admin.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            title = "周末粮油",
            chatIds = new[] { ChatScenario.ChatId },
            closesAt = DateTimeOffset.UtcNow.AddDays(2),
            pickupAt = DateTimeOffset.UtcNow.AddDays(3),
            pickupPoint = "3栋大堂快递柜旁",
            items = new[] { new { name = "五常大米", price = 59.9m, referencePrice = 69.9m, category = "食品" } },
        });
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await chat.SayAsync("u-1", "王阿姨", "开团 周末粮油");
        await chat.SayAsync(Leader, "李姐", "开团");
        await chat.SayAsync(Leader, "李姐", "开团 不存在的团");
        await chat.SayAsync(Leader, "李姐", "@团购助手 开团 粮油");

        var preview = await chat.WaitForAsync(d => d.Text.StartsWith("【周末粮油】开团啦～", StringComparison.Ordinal));
        Assert.Contains("1号 五常大米 ¥59.9", preview.Text, StringComparison.Ordinal);
        var replies = await chat.RepliesAsync();
        Assert.Contains(replies, r => r.Text.StartsWith("王阿姨，“开团”是团长用的指令", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Text.StartsWith("开团请带上活动名称", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Text.StartsWith("没找到叫“不存在的团”的团购活动", StringComparison.Ordinal));
        Assert.Equal("published", (await chat.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{id}", UriKind.Relative))).GetProperty("status").GetString());

        await chat.SayAsync(Leader, "李姐", "开团 周末粮油");
        await chat.WaitForAsync(d => d.Text == "【周末粮油】已经在本群开团啦～");

        // The newest open campaign takes the replies.
        await chat.SayAsync("u-1", "王阿姨", "大米+1");
        var orders = await chat.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{id}/orders", UriKind.Relative));
        Assert.Equal("u-1", Assert.Single(orders.EnumerateArray()).GetProperty("residentId").GetString());
    }

    [Fact]
    public async Task Commission_is_told_to_the_leader_privately()
    {
        await chat.SayAsync(Leader, "李姐", "佣金");

        var reply = await chat.WaitForAsync(d => d.Text.StartsWith("李姐，您的佣金情况", StringComparison.Ordinal));
        Assert.Equal(Leader, reply.Body.GetProperty("toUserId").GetString());
        Assert.Equal(JsonValueKind.Null, reply.Body.GetProperty("chatId").ValueKind);
    }

    private static IReadOnlyList<string> Mentions(BridgeDelivery delivery) =>
        [.. delivery.Body.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!)];
}
