using GroupBuy.Conversations.AfterSales;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>
/// Residents report problems through the gateway and the bot takes them through intake: every
/// problem type inside and outside its window, with and without evidence, cancelled, timed out,
/// interrupted by a restart, and a second intake while one is open (PostgreSQL).
/// </summary>
public sealed class AfterSalesIntakeTests : AfterSalesOnPostgres
{
    [Fact]
    public async Task A_quality_problem_reported_in_the_group_goes_private_and_ends_in_a_ticket()
    {
        await World.OrderAndCollectAsync();
        World.Advance(TimeSpan.FromHours(3));
        await World.SaidAsync();

        await World.SayAsync(Wang, WangName, "昨天的苹果烂了好几个");

        var said = await World.SaidAsync();
        Assert.Equal(2, said.Count);
        Assert.Equal((ToGroup, "王阿姨，售后的事我私信您了，请留意私聊消息～"), said[0]);
        Assert.Equal(ToWang, said[1].To);
        Assert.Contains("拍一张质量问题的照片", said[1].Text, StringComparison.Ordinal);

        var photo = await World.PhotoAsync(Wang, WangName, chatId: null);
        var askDescription = Assert.Single(await World.SaidAsync());
        Assert.Equal(ToWang, askDescription.To);
        Assert.StartsWith("王阿姨，收到凭证了。请用一句话说说具体情况", askDescription.Text, StringComparison.Ordinal);

        await World.PrivatelyAsync(Wang, WangName, "2个苹果都烂了，切开是黑的");
        var summary = Assert.Single(await World.SaidAsync());
        Assert.Equal(
            "王阿姨，请核对一下售后信息：\n订单：【周四鲜果】1号红富士苹果×2\n问题：质量问题\n凭证：1 份\n说明：2个苹果都烂了，切开是黑的\n没问题请回复 1 提交，要改说明回复 2。",
            summary.Text);

        await World.PrivatelyAsync(Wang, WangName, "1");

        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal("T1001", ticket.Number);
        Assert.Equal(IssueType.Quality, ticket.Type);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal([$"https://img.example.com/{photo}.jpg"], ticket.Evidence);
        Assert.Equal("2个苹果都烂了，切开是黑的", ticket.Description);
        Assert.Equal(25.6m, ticket.Paid);
        var line = Assert.Single(ticket.Lines);
        Assert.Equal((1, "红富士苹果", 2, 12.8m), (line.ItemNo, line.Name, line.Quantity, line.UnitPrice));
        Assert.Null(ticket.ReplyChatId);

        said = await World.SaidAsync();
        Assert.Equal(
            [
                (ToLeader, "李姐，您的群有新的售后工单：T1001"),
                (ToOps, "【新售后工单】T1001"),
                (ToWang, "王阿姨，售后已登记，工单号 T1001。团长李姐会在1小时内给您答复，处理方案出来我会第一时间告诉您。给您添麻烦了！"),
            ],
            said.Select(s => (s.To, s.Text.Split('\n')[0])));
        Assert.Contains("退款 T1001｜换货 T1001｜补偿 T1001 5元｜补偿 T1001 券", said[0].Text, StringComparison.Ordinal);
        Assert.Contains("说明：2个苹果都烂了，切开是黑的", said[1].Text, StringComparison.Ordinal);
        var dialog = Assert.Single(await World.DialogsAsync());
        Assert.Equal((IntakeOutcome.Submitted, ticket.Id), (dialog.Outcome!.Value, dialog.TicketId!.Value));
    }

    [Fact]
    public async Task Without_a_photo_a_quality_problem_is_asked_again_and_cancel_ends_it()
    {
        await World.OrderAndCollectAsync();
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "苹果坏了");
        Assert.Contains("拍一张质量问题的照片", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);

        await World.PrivatelyAsync(Wang, WangName, "等我一下");
        Assert.Equal(
            [(ToWang, "王阿姨，还没收到照片呢。麻烦拍一张质量问题的照片发给我（看得清问题就行），有照片团长处理起来更快。实在没有的话回复“没有”，我先帮您登记，团长可能会找您核实；或回复“取消”退出。")],
            await World.SaidAsync());

        await World.PrivatelyAsync(Wang, WangName, "算了");
        Assert.Equal([(ToWang, "王阿姨，好的，这次售后登记已取消。之后有需要，随时发“售后”找我。")], await World.SaidAsync());
        Assert.Empty(await World.TicketsAsync());
        Assert.Equal(IntakeOutcome.Cancelled, Assert.Single(await World.DialogsAsync()).Outcome);
    }

    [Fact]
    public async Task A_resident_with_no_photo_to_send_is_taken_without_one_and_the_leader_sees_it()
    {
        await World.OrderAndCollectAsync();
        await World.PrivatelyAsync(Wang, WangName, "苹果坏了");
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "没拍照，扔了");
        Assert.Equal(
            [(ToWang, "王阿姨，请用一句话说说具体情况，比如“苹果有3个烂了”“少了一袋香蕉”。")],
            await World.SaidAsync());
        await World.PrivatelyAsync(Wang, WangName, "切开全是黑的");
        Assert.Contains("凭证：暂无（团长可能会找您核实）", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync(Wang, WangName, "1");

        Assert.Empty(Assert.Single(await World.TicketsAsync()).Evidence);
        Assert.Contains(await World.SaidAsync(), s => s.To == ToLeader && s.Text.Contains("问题：质量问题，无凭证", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quality_problem_a_minute_past_24_hours_after_pickup_is_refused_kindly()
    {
        await World.OrderAndCollectAsync();
        World.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await World.SaidAsync();

        await World.SayAsync(Wang, WangName, "苹果烂了");

        var said = await World.SaidAsync();
        Assert.Equal(ToGroup, said[0].To);
        Assert.Equal(
            (ToWang, "王阿姨，很抱歉，质量问题需要在取货后24小时内提出（截止到1月6日(周二) 10:00），这单已经过了售后时间，没法在这里登记了。有疑问可以直接联系团长李姐，团长会帮您看看。"),
            said[1]);
        Assert.Empty(await World.TicketsAsync());
        Assert.Equal(IntakeOutcome.OutsideWindow, Assert.Single(await World.DialogsAsync()).Outcome);
    }

    [Fact]
    public async Task A_quality_problem_before_pickup_waits_for_the_goods()
    {
        await World.SayAsync(Wang, WangName, "苹果+2");
        await World.SayAsync(AfterSalesWorld.LeaderId, "李姐", "截单");
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "苹果是不是坏了的");

        Assert.Equal(
            [(ToWang, "王阿姨，质量问题要等取到货、看到东西后才能判断，取货后24小时内都可以来找我登记。有疑问可以直接联系团长李姐，团长会帮您看看。")],
            await World.SaidAsync());
        Assert.Empty(await World.TicketsAsync());
    }

    [Fact]
    public async Task An_order_problem_takes_an_order_number_and_is_refused_after_12_hours()
    {
        await World.OrderAndCollectAsync(order: "苹果+2 香蕉+1");
        World.Advance(TimeSpan.FromHours(11));
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "香蕉少了一个");
        Assert.Contains("麻烦发一下订单号或取件码，或者订单截图", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync(Wang, WangName, "取件码1001");
        Assert.StartsWith("王阿姨，收到凭证了。", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync(Wang, WangName, "香蕉订了1根，袋子里没有");
        await World.PrivatelyAsync(Wang, WangName, "确认");

        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal(IssueType.Order, ticket.Type);
        Assert.Equal(["order-number:1001"], ticket.Evidence);
        Assert.Equal([(1, 2), (2, 1)], ticket.Lines.OrderBy(l => l.ItemNo).Select(l => (l.ItemNo, l.Quantity)));

        // The same order again while its ticket is under way: no second ticket.
        await World.SaidAsync();
        await World.PrivatelyAsync(Wang, WangName, "售后");
        Assert.Equal(
            [(ToWang, "王阿姨，您最近的订单已经有售后工单 T1001 在处理中啦，结果出来我会第一时间告诉您。有其他问题可以直接找团长李姐。")],
            await World.SaidAsync());
    }

    [Fact]
    public async Task An_order_problem_13_hours_after_pickup_is_too_late()
    {
        await World.OrderAndCollectAsync();
        World.Advance(TimeSpan.FromHours(13));
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "发错了，我要的是苹果");

        var said = Assert.Single(await World.SaidAsync());
        Assert.StartsWith("王阿姨，很抱歉，订单问题需要在取货后12小时内提出（截止到1月5日(周一) 22:00）", said.Text, StringComparison.Ordinal);
        Assert.Empty(await World.TicketsAsync());
    }

    [Fact]
    public async Task A_late_delivery_is_taken_once_ordering_closed_but_not_while_it_is_open()
    {
        await World.SayAsync(Wang, WangName, "苹果+2");
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "是不是送晚了");
        Assert.Equal(
            [(ToWang, "王阿姨，现在还在接龙，还没到送货的时候，截单后如果送晚了再来找我。有疑问可以直接联系团长李姐，团长会帮您看看。")],
            await World.SaidAsync());

        await World.SayAsync(AfterSalesWorld.LeaderId, "李姐", "截单");
        World.Advance(TimeSpan.FromDays(2));
        await World.SaidAsync();
        // Goods that never came cannot be photographed: straight to the description.
        await World.PrivatelyAsync(Wang, WangName, "都两天了还没到，送晚了");
        Assert.Equal([(ToWang, "王阿姨，请用一句话说说具体情况，比如“苹果有3个烂了”“少了一袋香蕉”。")], await World.SaidAsync());
        await World.PrivatelyAsync(Wang, WangName, "说好今天到的，还没到");
        await World.PrivatelyAsync(Wang, WangName, "1");

        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal(IssueType.Delivery, ticket.Type);
        Assert.Empty(ticket.Evidence);
    }

    [Fact]
    public async Task A_mistaken_order_is_taken_before_arrival_without_evidence_and_refused_after()
    {
        await World.SayAsync(Wang, WangName, "苹果+2");
        await World.SayAsync("u-li", "李叔", "香蕉+1");
        await World.SayAsync(AfterSalesWorld.LeaderId, "李姐", "截单");
        await World.SaidAsync();

        await World.SayAsync(Wang, WangName, "我买错了");
        var said = await World.SaidAsync();
        Assert.Equal(2, said.Count);
        Assert.Equal((ToWang, "王阿姨，请用一句话说说具体情况，比如“苹果有3个烂了”“少了一袋香蕉”。"), said[1]);
        await World.PrivatelyAsync(Wang, WangName, "手滑多点了一份");
        Assert.Contains("凭证：无需", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync(Wang, WangName, "1");
        Assert.Equal(IssueType.MistakenOrder, Assert.Single(await World.TicketsAsync()).Type);

        await World.SayAsync(AfterSalesWorld.LeaderId, "李姐", "到货");
        await World.SaidAsync();
        await World.PrivatelyAsync("u-li", "李叔", "香蕉拍错了");
        Assert.Equal(
            [("user:u-li", "李叔，货已经送到自提点了，下错单没法直接退；如果确实不要，需要您承担退回的运费。有疑问可以直接联系团长李姐，团长会帮您看看。")],
            await World.SaidAsync());
    }

    [Fact]
    public async Task Not_wanting_an_order_while_ordering_is_open_cancels_it_instead_of_an_intake()
    {
        await World.SayAsync(Wang, WangName, "苹果+2");

        await World.SayAsync(Wang, WangName, "不想要了");

        Assert.Empty((await World.DialogsAsync()).Select(d => (d.Type, d.Step, d.Outcome)));
        var order = await World.ReadAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync());
        Assert.Empty(order.Lines);
    }

    [Fact]
    public async Task Several_recent_orders_are_listed_and_one_is_chosen_by_its_number()
    {
        await World.OrderAndCollectAsync();
        await World.PublishAsync("周末蔬菜");
        await World.OrderAndCollectAsync(order: "香蕉+3");
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "售后");
        Assert.Equal(
            [(ToWang, "王阿姨，您好，我来帮您登记售后。请问是哪一单有问题？回复序号就行：\n1. 1月7日【周末蔬菜】2号香蕉×3，共18元\n2. 1月7日【周四鲜果】1号红富士苹果×2，共25.6元\n回复“取消”可随时退出。")],
            await World.SaidAsync());

        await World.PrivatelyAsync(Wang, WangName, "3");
        Assert.StartsWith("王阿姨，没看懂您选的是哪一单，请回复序号：\n1. 1月7日【周末蔬菜】", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);

        await World.PrivatelyAsync(Wang, WangName, "第二个");
        Assert.Equal(
            [(ToWang, "王阿姨，【周四鲜果】遇到的是哪类问题？回复序号：\n1. 质量问题（坏了、烂了、过期、不新鲜）\n2. 订单问题（少发、发错、数量不对）\n3. 配送问题（送晚了、路上压坏）\n4. 下错单了（买错、不想要了）")],
            await World.SaidAsync());

        await World.PrivatelyAsync(Wang, WangName, "1");
        Assert.Contains("拍一张质量问题的照片", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        var dialog = Assert.Single(await World.DialogsAsync());
        var first = await World.ReadAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        Assert.Equal((first, IssueType.Quality, IntakeStep.Evidence), (dialog.OrderId!.Value, dialog.Type!.Value, dialog.Step));
    }

    [Fact]
    public async Task A_second_intake_while_one_is_open_points_back_to_the_first()
    {
        await World.OrderAndCollectAsync();
        await World.SayAsync(Wang, WangName, "苹果坏了");
        await World.SaidAsync();

        await World.SayAsync(Wang, WangName, "香蕉也烂了，我要退款");

        var said = await World.SaidAsync();
        Assert.Equal((ToGroup, "王阿姨，您还有一个售后登记没完成，请在私聊里接着回复我；要重新开始，先回复“取消”。"), said[0]);
        Assert.Equal(ToWang, said[1].To);
        Assert.StartsWith("王阿姨，还没收到照片呢。", said[1].Text, StringComparison.Ordinal);
        var dialog = Assert.Single(await World.DialogsAsync());
        Assert.Null(dialog.EndedAt);
    }

    [Fact]
    public async Task Thirty_minutes_of_silence_end_the_intake_with_a_note()
    {
        await World.OrderAndCollectAsync();
        await World.PrivatelyAsync(Wang, WangName, "苹果坏了");
        await World.SaidAsync();

        World.Advance(TimeSpan.FromMinutes(29));
        await World.RunTimersAsync();
        Assert.Empty(await World.SaidAsync());

        World.Advance(TimeSpan.FromMinutes(1));
        await World.RunTimersAsync();
        await World.RunTimersAsync();

        Assert.Equal([(ToWang, "王阿姨，这次售后登记半小时没有回复，我先帮您结束了。之后有需要，随时发“售后”找我。")], await World.SaidAsync());
        Assert.Equal(IntakeOutcome.TimedOut, Assert.Single(await World.DialogsAsync()).Outcome);

        // A photo now starts nothing: the intake is over, and a photo alone says nothing.
        await World.PhotoAsync(Wang, WangName, chatId: null);
        Assert.Empty(await World.TicketsAsync());
        Assert.Single(await World.DialogsAsync());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_an_intake_loses_nothing()
    {
        await World.OrderAndCollectAsync();
        await World.SayAsync(Wang, WangName, "苹果坏了");
        var photo = await World.PhotoAsync(Wang, WangName, chatId: null);

        await World.RestartAsync();

        await World.PrivatelyAsync(Wang, WangName, "烂了一半");
        await World.PrivatelyAsync(Wang, WangName, "1");
        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal([$"https://img.example.com/{photo}.jpg"], ticket.Evidence);
        Assert.Equal("烂了一半", ticket.Description);
    }

    [Fact]
    public async Task A_photo_with_words_starts_the_intake_with_its_evidence()
    {
        await World.OrderAndCollectAsync();
        await World.SaidAsync();

        var photo = await World.PhotoAsync(Wang, WangName, AfterSalesWorld.ChatId, "苹果烂了，你们看看");

        var said = await World.SaidAsync();
        Assert.Equal(ToGroup, said[0].To);
        Assert.Equal((ToWang, "王阿姨，收到凭证了。请用一句话说说具体情况，比如“苹果有3个烂了”“少了一袋香蕉”。"), said[1]);
        Assert.Equal([$"https://img.example.com/{photo}.jpg"], Assert.Single(await World.DialogsAsync()).Evidence);
    }

    [Fact]
    public async Task The_leader_and_ordinary_chat_start_no_intake()
    {
        await World.OrderAndCollectAsync();

        await World.SayAsync(AfterSalesWorld.LeaderId, "李姐", "有坏了的找我退款");
        await World.SayAsync(Wang, WangName, "电梯坏了，晚点下来拿");
        await World.SayAsync(Wang, WangName, "万一烂了能退吗");

        Assert.Empty(await World.DialogsAsync());
    }

    [Fact]
    public async Task One_open_intake_per_resident_is_held_by_the_database()
    {
        await World.OrderAndCollectAsync();
        await World.PrivatelyAsync(Wang, WangName, "苹果坏了");
        var open = Assert.Single(await World.DialogsAsync());

        var second = await Assert.ThrowsAsync<DbUpdateException>(() => World.ReadAsync(async db =>
        {
            db.IntakeDialogs.Add(new IntakeDialog("gateway", open.ResidentId, Wang, WangName, AfterSalesWorld.ChatId, null, [open.OrderChoices[0]], null, World.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));
        Assert.Equal("23505", (second.InnerException as Npgsql.PostgresException)?.SqlState);
    }

    [Fact]
    public async Task An_order_problem_without_a_number_is_asked_again_and_a_screenshot_will_do()
    {
        await World.OrderAndCollectAsync();
        await World.PrivatelyAsync(Wang, WangName, "发错了");
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "我找找");
        Assert.Equal(
            [(ToWang, "王阿姨，还没收到订单号或截图呢。麻烦发一下订单号或取件码，或者订单截图，方便团长核对分拣单。实在没有的话回复“没有”，我先帮您登记，团长可能会找您核实；或回复“取消”退出。")],
            await World.SaidAsync());

        var screenshot = await World.PhotoAsync(Wang, WangName, chatId: null);
        Assert.StartsWith("王阿姨，收到凭证了。", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        Assert.Equal([$"https://img.example.com/{screenshot}.jpg"], Assert.Single(await World.DialogsAsync()).Evidence);
    }

    [Fact]
    public async Task Goods_damaged_on_the_way_are_taken_within_24_hours_of_pickup_and_refused_after()
    {
        await World.OrderAndCollectAsync();
        World.Advance(TimeSpan.FromHours(24));
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "苹果路上压坏了");
        Assert.Contains("拍一张配送问题的照片", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync(Wang, WangName, "取消");
        await World.SaidAsync();

        World.Advance(TimeSpan.FromMinutes(1));
        await World.PrivatelyAsync(Wang, WangName, "苹果路上压坏了");
        Assert.StartsWith("王阿姨，很抱歉，配送问题需要在取货后24小时内提出", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_sent_before_the_type_is_chosen_is_kept()
    {
        await World.OrderAndCollectAsync();
        await World.PrivatelyAsync(Wang, WangName, "售后");
        await World.SaidAsync();

        var photo = await World.PhotoAsync(Wang, WangName, chatId: null);
        Assert.StartsWith("王阿姨，没太明白，【周四鲜果】遇到的是哪类问题？", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync(Wang, WangName, "1");

        Assert.StartsWith("王阿姨，收到凭证了。请用一句话说说具体情况", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        Assert.Equal([$"https://img.example.com/{photo}.jpg"], Assert.Single(await World.DialogsAsync()).Evidence);
    }
}
