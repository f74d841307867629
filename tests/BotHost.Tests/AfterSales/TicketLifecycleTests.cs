using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>
/// A ticket's life after intake on a fake clock: the one-hour first answer and its escalation,
/// each resolution decided in chat by the leader or ops, the resident's answer, the deadline and
/// its escalation, carrying out, the follow-up and its rating (PostgreSQL, through the gateway).
/// </summary>
public sealed class TicketLifecycleTests : AfterSalesOnPostgres
{
    [Fact]
    public async Task Nobody_answering_within_the_hour_escalates_to_ops_once()
    {
        await World.ReportRottenApplesAsync();

        World.Advance(TimeSpan.FromHours(1));
        await World.RunTimersAsync();
        Assert.Empty(await World.SaidAsync());

        World.Advance(TimeSpan.FromMinutes(1));
        await World.RunTimersAsync();
        await World.RunTimersAsync();

        var said = Assert.Single(await World.SaidAsync());
        Assert.Equal(
            (ToOps, "【售后升级】T1001 超过1小时还没人答复，请尽快处理。\n群：阳光花园3栋团购群（团长 李姐）\n居民：王阿姨，质量问题"),
            said);
        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal(World.Clock.GetUtcNow(), ticket.EscalatedAt);
        Assert.Contains(ticket.Events, e => e.Note == "escalated to ops: no_answer");
    }

    [Fact]
    public async Task An_answer_within_the_hour_escalates_nothing()
    {
        await World.ReportRottenApplesAsync();
        World.Advance(TimeSpan.FromMinutes(40));

        await World.PrivatelyAsync(Leader, "李姐", "换货 T1001");
        World.Advance(TimeSpan.FromMinutes(30));
        await World.RunTimersAsync();

        Assert.DoesNotContain(await World.SaidAsync(), s => s.To == ToOps);
        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Null(ticket.EscalatedAt);
        Assert.Equal(AfterSalesWorld.Start + TimeSpan.FromMinutes(40), ticket.AnsweredAt);
    }

    [Fact]
    public async Task A_refund_is_decided_accepted_recorded_escalated_when_late_carried_out_and_followed_up()
    {
        var opened = await World.ReportRottenApplesAsync();
        World.Advance(TimeSpan.FromMinutes(20));
        var decidedAt = World.Clock.GetUtcNow();

        await World.SayAsync(Leader, "李姐", "退款 T1001");

        Assert.Equal(
            [
                (ToWang, "王阿姨，您的售后工单 T1001 有处理方案了：退款 25.6元，1月6日(周二) 10:20前办好。\n同意请回复 1，不同意回复 2，我们再帮您协调。"),
                (ToLeader, "T1001 已定为退款 25.6元，已请居民确认。办好后回复“完成 T1001”。"),
            ],
            await World.SaidAsync());
        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal((TicketStatus.Proposed, decidedAt + TimeSpan.FromHours(24), 25.6m), (ticket.Status, ticket.DueAt!.Value, ticket.RefundAmount!.Value));

        await World.PrivatelyAsync(Wang, WangName, "1");
        Assert.Equal(
            [
                (ToWang, "王阿姨，好的，T1001 就按退款 25.6元处理，1月6日(周二) 10:20前办好，办好了我告诉您。"),
                (ToLeader, "T1001：居民王阿姨已同意退款 25.6元，办好后请回复“完成 T1001”。"),
            ],
            await World.SaidAsync());
        var refunds = await World.ReadAsync(db => db.Set<Refund>().AsNoTracking().ToListAsync());
        var refund = Assert.Single(refunds);
        Assert.Equal((RefundReason.AfterSales, 1, 2, 25.6m, opened.OrderId), (refund.Reason, refund.ItemNo, refund.Quantity, refund.Amount, refund.OrderId));

        // 24 hours after the decision it is due; a minute later ops hear it is late, once.
        World.Advance(TimeSpan.FromHours(24));
        await World.RunTimersAsync();
        Assert.Empty(await World.SaidAsync());
        World.Advance(TimeSpan.FromMinutes(1));
        await World.RunTimersAsync();
        await World.RunTimersAsync();
        var late = Assert.Single(await World.SaidAsync());
        Assert.Equal(ToOps, late.To);
        Assert.StartsWith("【售后升级】T1001 退款 25.6元应在1月6日(周二) 10:20前办好，现在已超时。", late.Text, StringComparison.Ordinal);

        await World.PrivatelyAsync(Leader, "李姐", "完成 T1001");
        Assert.Equal(
            [
                (ToWang, "王阿姨，您的售后工单 T1001 已办好：退款 25.6元。给您添麻烦了！"),
                (ToLeader, "T1001 已记为办结，稍后我会给居民做回访。"),
            ],
            await World.SaidAsync());
        await World.PrivatelyAsync(Leader, "李姐", "完成 T1001");
        Assert.Equal([(ToLeader, "T1001 已经办结过了（现在是已办结），不用再记。")], await World.SaidAsync());

        // The follow-up two hours later, then the rating.
        World.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        await World.RunTimersAsync();
        Assert.Empty(await World.SaidAsync());
        World.Advance(TimeSpan.FromMinutes(1));
        await World.RunTimersAsync();
        Assert.Equal(
            [(ToWang, "王阿姨，打扰一下～上次【周四鲜果】的售后（T1001）处理得还满意吗？回复1到5分就行，5分最满意。")],
            await World.SaidAsync());

        await World.PrivatelyAsync(Wang, WangName, "5分");
        Assert.Equal(
            [
                (ToWang, "王阿姨，收到您的5分，谢谢！我们会继续用心服务。"),
                (ToLeader, "T1001：居民王阿姨给这次售后打了5分。"),
            ],
            await World.SaidAsync());
        ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal((TicketStatus.Closed, 5), (ticket.Status, ticket.Rating!.Value));
        Assert.Equal(
            [TicketStatus.Open, TicketStatus.Proposed, TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.Done, TicketStatus.Done, TicketStatus.Closed],
            ticket.Events.OrderBy(e => e.Id).Select(e => e.Status));
    }

    [Fact]
    public async Task Ops_decide_an_exchange_the_resident_declines_and_a_coupon_is_accepted_and_issued_at_once()
    {
        await World.ReportRottenApplesAsync();

        await World.SayAsync("u-ops-1", "客服小周", "换货 T1001", chatId: AfterSalesWorld.OpsChatId);
        var said = await World.SaidAsync();
        Assert.Equal((ToOps, "T1001 已定为换货，已请居民确认。办好后回复“完成 T1001”。"), said[1]);
        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal(("u-ops-1", World.Clock.GetUtcNow() + TimeSpan.FromDays(3)), (ticket.DecidedBy, ticket.DueAt!.Value));

        await World.PrivatelyAsync(Wang, WangName, "不同意");
        said = await World.SaidAsync();
        Assert.Equal(
            [
                (ToWang, "王阿姨，收到，T1001 的方案我们重新协调，客服会尽快联系您。"),
                (ToLeader, "T1001：居民王阿姨不同意换货，已转客服协调。"),
                (ToOps, "【售后升级】T1001 居民不接受换货的方案，请重新定方案或联系居民。\n群：阳光花园3栋团购群（团长 李姐）\n居民：王阿姨，质量问题"),
            ],
            said);
        Assert.Equal(TicketStatus.Open, Assert.Single(await World.TicketsAsync()).Status);

        await World.SayAsync("u-ops-1", "客服小周", "补偿 T1001 券", chatId: AfterSalesWorld.OpsChatId);
        Assert.Contains((ToWang, "王阿姨，您的售后工单 T1001 有处理方案了：优惠券补偿（满20减3），1月6日(周二) 10:00前办好。\n同意请回复 1，不同意回复 2，我们再帮您协调。"), await World.SaidAsync());

        await World.PrivatelyAsync(Wang, WangName, "好的");
        said = await World.SaidAsync();
        Assert.Contains((ToWang, "王阿姨，您的售后工单 T1001 已办好：优惠券补偿（满20减3），券已放进您的账户，1月11日前下单满20元可用。给您添麻烦了！"), said);
        var coupon = Assert.Single(await World.ReadAsync(db => db.Set<Coupon>().AsNoTracking().ToListAsync()));
        Assert.Equal((CouponPurpose.AfterSales, 20m, 3m), (coupon.Purpose, coupon.Threshold, coupon.Amount!.Value));
        ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal(TicketStatus.Done, ticket.Status);

        // Nobody answers the follow-up: three days later the ticket closes unrated.
        World.Advance(TimeSpan.FromHours(2));
        await World.RunTimersAsync();
        Assert.Single(await World.SaidAsync());
        World.Advance(TimeSpan.FromDays(3));
        await World.RunTimersAsync();
        ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal((TicketStatus.Closed, (int?)null), (ticket.Status, ticket.Rating));
    }

    [Fact]
    public async Task Cash_compensation_is_five_to_ten_yuan_and_only_the_groups_leader_or_ops_decide()
    {
        await World.ReportRottenApplesAsync();
        await World.Host.CreateAdminClient().RegisterGroupAsync("room-2", leaderId: "u-other-leader");

        await World.PrivatelyAsync(Leader, "李姐", "补偿 T1001 12元");
        Assert.Equal(
            [(ToLeader, "T1001 的金额没看懂：退款写实付以内的金额（如“退款 T1001 8.5”，不写就全额退）；补偿是5到10元（如“补偿 T1001 5元”），或“补偿 T1001 券”（满20减3）。")],
            await World.SaidAsync());
        await World.PrivatelyAsync(Leader, "李姐", "退款 T1001 30");
        Assert.StartsWith("T1001 的金额超过了实付的 25.6元：", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
        await World.PrivatelyAsync("u-other-leader", "张姐", "退款 T1001");
        await World.PrivatelyAsync(Wang, WangName, "退款 T1001");
        Assert.Equal(
            [
                ("user:u-other-leader", "工单 T1001 不是您群里的，请团长本人或客服处理。"),
                (ToWang, "您的工单 T1001 现在是待答复，处理方案由团长或客服来定，有结果我会第一时间告诉您。"),
            ],
            await World.SaidAsync());
        await World.PrivatelyAsync(Leader, "李姐", "退款 T1009");
        Assert.Equal([(ToLeader, "没有找到工单 T1009，请核对工单号（形如 T1024）。")], await World.SaidAsync());
        Assert.Equal(TicketStatus.Open, Assert.Single(await World.TicketsAsync()).Status);

        await World.PrivatelyAsync(Leader, "李姐", "补偿 T1001 5元");
        await World.PrivatelyAsync(Wang, WangName, "1");
        var ticket = Assert.Single(await World.TicketsAsync());
        Assert.Equal((TicketStatus.InProgress, 5m), (ticket.Status, ticket.CompensationCash!.Value));
        await World.SaidAsync();

        await World.PrivatelyAsync(Leader, "李姐", "补偿 T1001 6元");
        Assert.Equal([(ToLeader, "T1001 居民已接受方案（现在是处理中），不能再改了。")], await World.SaidAsync());
    }

    [Fact]
    public async Task A_low_rating_is_passed_to_ops()
    {
        await World.ReportRottenApplesAsync();
        await World.PrivatelyAsync(Leader, "李姐", "换货 T1001");
        await World.PrivatelyAsync(Wang, WangName, "1");
        await World.PrivatelyAsync(Leader, "李姐", "完成 T1001");
        World.Advance(TimeSpan.FromHours(2));
        await World.RunTimersAsync();
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "2");

        Assert.Equal(
            [
                (ToWang, "王阿姨，收到您的2分，谢谢！没让您满意很抱歉，团长或客服会再联系您。"),
                (ToLeader, "T1001：居民王阿姨给这次售后打了2分。"),
                (ToOps, "T1001：居民王阿姨给这次售后打了2分。"),
            ],
            await World.SaidAsync());
    }

    [Fact]
    public async Task A_follow_up_due_at_night_waits_for_the_morning()
    {
        await World.ReportRottenApplesAsync();
        await World.PrivatelyAsync(Leader, "李姐", "换货 T1001");
        await World.PrivatelyAsync(Wang, WangName, "1");
        World.Advance(TimeSpan.FromHours(11));
        await World.PrivatelyAsync(Leader, "李姐", "完成 T1001");
        await World.SaidAsync();

        // Done at 21:00; due at 23:00, inside the quiet hours (22:00–08:00).
        World.Advance(TimeSpan.FromHours(2));
        await World.RunTimersAsync();
        Assert.Empty(await World.SaidAsync());

        World.Advance(TimeSpan.FromHours(9));
        await World.RunTimersAsync();
        Assert.Equal(ToWang, Assert.Single(await World.SaidAsync()).To);
        Assert.Equal(new DateTimeOffset(2037, 1, 6, 8, 0, 0, TimeSpan.FromHours(8)), Assert.Single(await World.TicketsAsync()).FollowUpSentAt);
    }

    [Fact]
    public async Task Two_hosts_sweeping_at_the_same_moment_escalate_once()
    {
        await World.ReportRottenApplesAsync();
        var other = World.AnotherHost();
        World.Advance(TimeSpan.FromMinutes(61));

        await Task.WhenAll(
            World.RunTimersAsync(),
            other.Services.GetRequiredService<AfterSalesTimers>().RunDueAsync(CancellationToken.None));

        Assert.Single(await World.SaidAsync(), s => s.To == ToOps);
        Assert.Single((await World.TicketsAsync())[0].Events, e => e.Note.StartsWith("escalated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_decision_asks_the_resident_once()
    {
        await World.ReportRottenApplesAsync();

        await World.PrivatelyAsync(Leader, "李姐", "退款 T1001");
        await World.PrivatelyAsync(Leader, "李姐", "退款 T1001");

        var said = await World.SaidAsync();
        Assert.Single(said, s => s.To == ToWang);
        Assert.Equal(2, said.Count(s => s.To == ToLeader));
        Assert.Single((await World.TicketsAsync())[0].Events, e => e.Status == TicketStatus.Proposed);
    }

    [Fact]
    public async Task A_proposal_the_resident_never_answers_goes_to_ops_after_its_deadline()
    {
        await World.ReportRottenApplesAsync();
        await World.PrivatelyAsync(Leader, "李姐", "换货 T1001");
        await World.SaidAsync();

        World.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await World.RunTimersAsync();

        Assert.Equal(
            [(ToOps, "【售后升级】T1001 居民还没确认换货的方案，已过了1月8日(周四) 10:00，请联系居民。\n群：阳光花园3栋团购群（团长 李姐）\n居民：王阿姨，质量问题")],
            await World.SaidAsync());
    }

    [Fact]
    public async Task A_settled_ticket_does_not_stop_a_new_report_about_the_same_order()
    {
        await World.ReportRottenApplesAsync();
        await World.PrivatelyAsync(Leader, "李姐", "换货 T1001");
        await World.PrivatelyAsync(Wang, WangName, "1");
        await World.PrivatelyAsync(Leader, "李姐", "完成 T1001");
        await World.SaidAsync();

        await World.PrivatelyAsync(Wang, WangName, "换来的苹果也烂了");

        Assert.Contains("拍一张质量问题的照片", Assert.Single(await World.SaidAsync()).Text, StringComparison.Ordinal);
    }
}
