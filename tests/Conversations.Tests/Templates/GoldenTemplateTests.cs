using System.Reflection;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Leaders;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Templates;

/// <summary>
/// Every default template in <c>templates/</c> is rendered with a fixed model and compared to
/// <c>Golden/name[.case].out.txt</c>. A template without a golden file fails the build.
/// </summary>
public sealed class GoldenTemplateTests
{
    /// <summary>Set to 1 to rewrite the golden files from the templates (<c>GROUPBUY_UPDATE_GOLDEN=1 dotnet test</c>).</summary>
    public const string UpdateVariable = "GROUPBUY_UPDATE_GOLDEN";

    private static readonly MessageTemplates Templates = new(new DefaultTemplates(RepositoryPaths.Templates), new TemplateLimits());

    private static readonly MethodInfo RenderMethod = typeof(MessageTemplates).GetMethods()
        .Single(m => m.Name == nameof(MessageTemplates.RenderAsync) && m.IsGenericMethodDefinition);

    /// <summary>The golden cases: file name → model. Add one for every new template.</summary>
    public static TheoryData<string, object> Cases => new()
    {
        { "help.all-messages", new HelpMessage("阳光花园3栋团购群", "李姐", MentionRequired: false, BotName: "团购助手") },
        { "help.mention-only", new HelpMessage("阳光花园3栋团购群", "李姐", MentionRequired: true, BotName: "团购助手") },
        {
            "campaign-preview.several-items",
            new CampaignPreview(
                "周四鲜果",
                [new PreviewItem(1, "红富士苹果", "12.8", "15.8", "3", 100), new PreviewItem(2, "香蕉", "6", "6.9", "0.9", null), new PreviewItem(3, "砂糖橘", "19.9", null, null, null)],
                "11月26日(周四) 22:00",
                "11月27日(周五) 17:00",
                "3栋大堂快递柜旁",
                MentionRequired: false,
                BotName: "团购助手")
        },
        {
            "campaign-preview.one-item-mention-only",
            new CampaignPreview("东北大米10斤", [new PreviewItem(1, "五常大米", "59.9", "69.9", "10", 30)], "12月1日(周二) 20:00", "12月3日(周四) 17:00", "幸福里东门", MentionRequired: true, BotName: "团购助手")
        },
        {
            "order-ack.two-residents",
            new OrderAckMessage(
                "周四鲜果",
                [new OrderAckEntry("王阿姨", ["1号红富士苹果×2", "2号香蕉×1"], "31.6", Cancelled: false), new OrderAckEntry("李叔", [], "0", Cancelled: true)],
                "11月26日(周四) 22:00")
        },
        {
            "order-ack.coupons-used-and-held",
            new OrderAckMessage(
                "周四鲜果",
                [
                    new OrderAckEntry("王阿姨", ["1号红富士苹果×3"], "38.4", Cancelled: false, new OrderAckCoupon("满30减8", "30", Used: true, "8", "30.4")),
                    new OrderAckEntry("李叔", ["2号香蕉×2"], "12", Cancelled: false, new OrderAckCoupon("满50减5", "50", Used: false, "0", "12")),
                    new OrderAckEntry("赵姐", ["2号香蕉×1"], "6", Cancelled: false, new OrderAckCoupon("9.5折", "0", Used: false, "0", "6")),
                ],
                "11月26日(周四) 22:00")
        },
        { "order-unclear.several-items", new OrderUnclearMessage("王阿姨", SingleItem: false, MentionRequired: false, BotName: "团购助手") },
        { "order-unclear.one-item-mention-only", new OrderUnclearMessage("王阿姨", SingleItem: true, MentionRequired: true, BotName: "团购助手") },
        { "campaign-closed.default", new CampaignClosedMessage("李叔", "周四鲜果") },
        { "sold-out.some-left", new SoldOutMessage("王阿姨", 1, "红富士苹果", 5, 2, MentionRequired: false, BotName: "团购助手") },
        { "sold-out.none-left", new SoldOutMessage("王阿姨", 1, "红富士苹果", 1, 0, MentionRequired: true, BotName: "团购助手") },
        { "order-read-back.order", new OrderReadBackMessage("王阿姨", "order", ["1号红富士苹果×2", "3号全麦面包×1"], SingleItem: false, MentionRequired: false, BotName: "团购助手") },
        { "order-read-back.change-one-item-mention-only", new OrderReadBackMessage("王阿姨", "change", ["1号五常大米×3"], SingleItem: true, MentionRequired: true, BotName: "团购助手") },
        { "order-read-back.cancel", new OrderReadBackMessage("王阿姨", "cancel", ["3号全麦面包"], SingleItem: false, MentionRequired: false, BotName: "团购助手") },
        { "order-read-back.cancel-all", new OrderReadBackMessage("王阿姨", "cancel_all", ["1号红富士苹果", "3号全麦面包"], SingleItem: false, MentionRequired: false, BotName: "团购助手") },
        { "nothing-to-cancel.nothing-ordered", new NothingToCancelMessage("李叔", "周四鲜果", []) },
        { "nothing-to-cancel.not-that-item", new NothingToCancelMessage("李叔", "周四鲜果", ["3号全麦面包"]) },
        { "leader-only.default", new LeaderOnlyMessage("王阿姨", "截单", "李姐") },
        { "leader-problem.unknown-code-style", new LeaderProblemMessage("pickup_usage", "核销", string.Empty, MentionRequired: false, BotName: "团购助手") },
        { "leader-problem.no-such-item", new LeaderProblemMessage("no_such_item", "9", "周四鲜果", MentionRequired: false, BotName: "团购助手") },
        { "leader-problem.shortage-usage-mention-only", new LeaderProblemMessage("shortage_usage", "abc", string.Empty, MentionRequired: true, BotName: "团购助手") },
        { "leader-help.default", new LeaderHelpMessage("李姐", MentionRequired: false, BotName: "团购助手") },
        { "cut-off.with-orders", new CutOffMessage("周四鲜果", 12, "11月27日(周五) 17:00", "3栋大堂快递柜旁") },
        { "cut-off.no-orders", new CutOffMessage("周四鲜果", 0, "11月27日(周五) 17:00", "3栋大堂快递柜旁") },
        {
            "leader-summary.two-residents",
            new SummaryMessage(
                "周四鲜果",
                TakingOrders: false,
                [new SummaryItem(1, "红富士苹果", 3, "38.4"), new SummaryItem(2, "香蕉", 1, "6")],
                [new SummaryResident("王阿姨", "1001", ["1号红富士苹果×2", "2号香蕉×1"], "31.6"), new SummaryResident("李叔", "1002", ["1号红富士苹果×1"], "12.8")],
                More: 0,
                OrderCount: 2,
                Total: "44.4")
        },
        {
            "leader-summary.with-coupons",
            new SummaryMessage(
                "周四鲜果",
                TakingOrders: false,
                [new SummaryItem(1, "红富士苹果", 4, "51.2")],
                [new SummaryResident("王阿姨", "1001", ["1号红富士苹果×3"], "38.4", Payable: "30.4"), new SummaryResident("李叔", "1002", ["1号红富士苹果×1"], "12.8")],
                More: 0,
                OrderCount: 2,
                Total: "51.2",
                CouponsUsed: 1,
                Discount: "8",
                Payable: "43.2")
        },
        { "leader-summary.empty-while-open", new SummaryMessage("周四鲜果", TakingOrders: true, [], [], 0, 0, "0") },
        {
            "arrival.two-parts",
            new ArrivalMessage("周四鲜果", "3栋大堂快递柜旁", [new PickupEntry("王阿姨", "1001", ["1号红富士苹果×2"]), new PickupEntry("李叔", "1002", ["2号香蕉×1"])], 1, 2)
        },
        {
            "pickup-confirmed.mixed",
            new PickupConfirmedMessage([new PickupEntry("王阿姨", "1001", ["1号红富士苹果×2"])], [new PickupEntry("李叔", "1002", ["2号香蕉×1"])], ["1009"], StillWaiting: 3)
        },
        { "pickup-confirmed.last-one", new PickupConfirmedMessage([new PickupEntry("王阿姨", "1001", ["1号红富士苹果×2"])], [], [], StillWaiting: 0) },
        { "not-picked-up.some", new NotPickedUpMessage("周四鲜果", [new PickupEntry("李叔", "1002", ["2号香蕉×1"])], PickedUp: 5) },
        { "not-picked-up.none", new NotPickedUpMessage("周四鲜果", [], PickedUp: 6) },
        { "pickup-reminder.default", new PickupReminderMessage("周四鲜果", "3栋大堂快递柜旁", [new PickupEntry("李叔", "1002", ["2号香蕉×1"])]) },
        { "shortage-notice.part", new ShortageNoticeMessage("王阿姨", "3号全麦面包", 3, 1, "8.5") },
        { "shortage-notice.all", new ShortageNoticeMessage("李叔", "3号全麦面包", 2, 2, "17") },
        {
            "shortage-summary.default",
            new ShortageSummaryMessage("3号全麦面包", 4, [new ShortageAffected("李叔", 2), new ShortageAffected("王阿姨", 1)], "25.5", Unmatched: 1)
        },
        { "pickup-reminder-private.first", new PrivatePickupReminderMessage("王阿姨", "周四鲜果", "3栋大堂快递柜旁", "1001", ["1号红富士苹果×2", "2号香蕉×1"], Again: false) },
        { "pickup-reminder-private.next-morning", new PrivatePickupReminderMessage("王阿姨", "周四鲜果", "3栋大堂快递柜旁", "1001", ["1号红富士苹果×2"], Again: true) },
        { "pickup-overdue.default", new PickupOverdueMessage("李姐", "周四鲜果", 48, [new PickupEntry("李叔", "1002", ["2号香蕉×1"]), new PickupEntry("张姐", "1003", ["3号全麦面包×1"])]) },
        { "progress-sorting.default", new SortingNoticeMessage("周四鲜果", "11月27日(周五) 17:00", "3栋大堂快递柜旁") },
        { "progress-delivered.default", new DeliveredNoticeMessage("周四鲜果", "11月27日(周五) 17:00", "3栋大堂快递柜旁") },
        { "marketing-win-back.default", new WinBackMessage("王阿姨", "满30减8", "30", "12月7日") },
        { "marketing-recommendation.with-favourites", new RecommendationMessage("李叔", ["红富士苹果", "五常大米"], ["满50减5", "满100减12"], "12月7日") },
        { "marketing-recommendation.no-favourites", new RecommendationMessage("李叔", [], ["满50减5", "满100减12"], "12月7日") },
        { "marketing-core-price.default", new CorePriceMessage("赵姐", "9.5折", "12月7日") },
        { "marketing-unsubscribed.default", new UnsubscribedMessage("王阿姨") },
        { "marketing-resubscribed.default", new ResubscribedMessage("王阿姨") },
        {
            "leader-commission.below-first-tier",
            new LeaderCommissionMessage("李姐", "11月23日–11月29日", "180.75", "14.09", "11月", "4,972.75", "301.61", HasTierBonus: false, "0", HasNextTier: true, "500", "27.25")
        },
        {
            "leader-commission.first-tier",
            new LeaderCommissionMessage("李姐", "11月30日–12月6日", "59.90", "3.59", "11月", "5,032.65", "305.20", HasTierBonus: true, "500", HasNextTier: true, "1,200", "4,967.35")
        },
        {
            "leader-commission.top-tier",
            new LeaderCommissionMessage("张姐", "11月23日–11月29日", "2,345.60", "234.56", "11月", "10,000.00", "1,000.00", HasTierBonus: true, "1,200", HasNextTier: false, string.Empty, string.Empty)
        },
        { "after-sales-moved.default", new AfterSalesMovedMessage("王阿姨") },
        {
            "after-sales-choose-order.private",
            new AfterSalesChooseOrderMessage(
                "王阿姨",
                Again: false,
                InGroup: false,
                [new AfterSalesOrderChoice(1, "周四鲜果", "11月27日", ["1号红富士苹果×2", "2号香蕉×1"], "31.6"), new AfterSalesOrderChoice(2, "东北大米10斤", "11月20日", ["1号五常大米×1"], "59.9")])
        },
        {
            "after-sales-choose-order.in-group-again",
            new AfterSalesChooseOrderMessage(
                "王阿姨",
                Again: true,
                InGroup: true,
                [new AfterSalesOrderChoice(1, "周四鲜果", "11月27日", ["1号红富士苹果×2", "2号香蕉×1"], "31.6"), new AfterSalesOrderChoice(2, "东北大米10斤", "11月20日", ["1号五常大米×1"], "59.9")])
        },
        { "after-sales-no-order.nothing-recent", new AfterSalesNoOrderMessage("王阿姨", PendingTicket: null, LeaderName: "李姐") },
        { "after-sales-no-order.ticket-pending", new AfterSalesNoOrderMessage("王阿姨", PendingTicket: "T1024", LeaderName: null) },
        { "after-sales-choose-type.first", new AfterSalesChooseTypeMessage("王阿姨", Again: false, "周四鲜果") },
        { "after-sales-choose-type.again", new AfterSalesChooseTypeMessage("王阿姨", Again: true, "周四鲜果") },
        { "after-sales-outside-window.too-late-quality", new AfterSalesOutsideWindowMessage("王阿姨", "质量问题", "too_late", "11月28日(周六) 17:00", "李姐", Hours: 24) },
        { "after-sales-outside-window.too-late-order-no-deadline", new AfterSalesOutsideWindowMessage("王阿姨", "订单问题", "too_late", Deadline: null, LeaderName: null, Hours: 12) },
        { "after-sales-outside-window.already-shipped", new AfterSalesOutsideWindowMessage("王阿姨", "误下单", "already_shipped", Deadline: null, "李姐", Hours: 24) },
        { "after-sales-outside-window.not-picked-up-yet", new AfterSalesOutsideWindowMessage("王阿姨", "质量问题", "not_picked_up_yet", Deadline: null, LeaderName: null, Hours: 24) },
        { "after-sales-outside-window.not-picked-up-yet-order", new AfterSalesOutsideWindowMessage("王阿姨", "订单问题", "not_picked_up_yet", Deadline: null, "李姐", Hours: 12) },
        { "after-sales-outside-window.cancel-instead", new AfterSalesOutsideWindowMessage("王阿姨", "误下单", "cancel_instead", "11月26日(周四) 22:00", "李姐", Hours: 24) },
        { "after-sales-outside-window.not-due-yet", new AfterSalesOutsideWindowMessage("王阿姨", "配送问题", "not_due_yet", Deadline: null, "李姐", Hours: 24) },
        { "after-sales-ask-evidence.photo", new AfterSalesAskEvidenceMessage("王阿姨", "质量问题", Again: false, WantsPhoto: true) },
        { "after-sales-ask-evidence.photo-again", new AfterSalesAskEvidenceMessage("王阿姨", "配送问题", Again: true, WantsPhoto: true) },
        { "after-sales-ask-evidence.order-number", new AfterSalesAskEvidenceMessage("王阿姨", "订单问题", Again: false, WantsPhoto: false) },
        { "after-sales-ask-evidence.order-number-again", new AfterSalesAskEvidenceMessage("王阿姨", "订单问题", Again: true, WantsPhoto: false) },
        { "after-sales-ask-description.no-evidence", new AfterSalesAskDescriptionMessage("王阿姨", Evidence: 0, Again: false) },
        { "after-sales-ask-description.one-photo", new AfterSalesAskDescriptionMessage("王阿姨", Evidence: 1, Again: false) },
        { "after-sales-ask-description.two-photos-again", new AfterSalesAskDescriptionMessage("王阿姨", Evidence: 2, Again: true) },
        {
            "after-sales-summary.private",
            new AfterSalesSummaryMessage("王阿姨", Again: false, InGroup: false, "周四鲜果", ["1号红富士苹果×2", "2号香蕉×1"], "质量问题", Evidence: 2, "苹果有3个烂了，香蕉是好的")
        },
        {
            "after-sales-summary.in-group-again",
            new AfterSalesSummaryMessage("王阿姨", Again: true, InGroup: true, "周四鲜果", ["1号红富士苹果×2", "2号香蕉×1"], "误下单", Evidence: 0, "香蕉买重了")
        },
        {
            "after-sales-summary.no-photo",
            new AfterSalesSummaryMessage("王阿姨", Again: false, InGroup: false, "周四鲜果", ["1号红富士苹果×2"], "质量问题", Evidence: 0, "烂了两个，已经扔了", EvidenceMissing: true)
        },
        { "after-sales-submitted.with-leader", new AfterSalesSubmittedMessage("王阿姨", "T1024", "李姐") },
        { "after-sales-submitted.no-leader", new AfterSalesSubmittedMessage("王阿姨", "T1024", LeaderName: null) },
        { "after-sales-ended.timed-out", new AfterSalesEndedMessage("王阿姨", TimedOut: true) },
        { "after-sales-ended.cancelled", new AfterSalesEndedMessage("王阿姨", TimedOut: false) },
        { "after-sales-already-open.private", new AfterSalesAlreadyOpenMessage("王阿姨", ContinuePrivately: true) },
        { "after-sales-already-open.in-group", new AfterSalesAlreadyOpenMessage("王阿姨", ContinuePrivately: false) },
        {
            "ticket-notice.leader",
            new TicketNoticeMessage("T1024", ForOps: false, "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", "周四鲜果", ["1号红富士苹果×2"], "苹果有3个烂了", Evidence: 2, "11月28日(周六) 10:30", ["https://img.example.com/a.jpg", "https://img.example.com/b.jpg"])
        },
        {
            "ticket-notice.ops",
            new TicketNoticeMessage("T1024", ForOps: true, "阳光花园3栋团购群", "李姐", "王阿姨", "订单问题", "周四鲜果", ["1号红富士苹果×2", "2号香蕉×1"], "少了一袋香蕉", Evidence: 1, "11月28日(周六) 10:30")
        },
        {
            "ticket-notice.leader-mistaken-order",
            new TicketNoticeMessage("T1024", ForOps: false, "阳光花园3栋团购群", "李姐", "王阿姨", "误下单", "周四鲜果", ["2号香蕉×1"], "香蕉买重了，还没到货", Evidence: 0, "11月26日(周四) 23:15")
        },
        { "ticket-escalation.no-answer", new TicketEscalationMessage("T1024", "no_answer", "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", Resolution: null, Amount: null, DueAt: null) },
        { "ticket-escalation.overdue", new TicketEscalationMessage("T1024", "overdue", "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", "退款", "25.6", "11月29日(周日) 10:30") },
        { "ticket-escalation.unconfirmed", new TicketEscalationMessage("T1024", "unconfirmed", "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", "换货", Amount: null, "12月1日(周二) 10:30") },
        { "ticket-escalation.declined", new TicketEscalationMessage("T1024", "declined", "阳光花园3栋团购群", "李姐", "王阿姨", "配送问题", "现金补偿", "5", "11月29日(周日) 10:30") },
        { "ticket-proposal.refund", new TicketProposalMessage("王阿姨", "T1024", "退款", "25.6", "11月29日(周日) 10:30") },
        { "ticket-proposal.refund-in-group", new TicketProposalMessage("王阿姨", "T1024", "退款", "25.6", "11月29日(周日) 10:30", InGroup: true) },
        { "ticket-proposal.exchange", new TicketProposalMessage("王阿姨", "T1024", "换货", Amount: null, "12月1日(周二) 10:30") },
        { "ticket-confirmation.accepted", new TicketConfirmationMessage("王阿姨", "T1024", Accepted: true, "退款", "25.6", "11月29日(周日) 10:30") },
        { "ticket-confirmation.declined", new TicketConfirmationMessage("王阿姨", "T1024", Accepted: false, "换货", Amount: null, "12月1日(周二) 10:30") },
        { "ticket-command.decided", new TicketCommandMessage("decided", "T1024", "退款", "8.5", "待居民确认") },
        { "ticket-command.decided-coupon", new TicketCommandMessage("decided", "T1024", "优惠券补偿（满20减3）", Amount: null, "待居民确认") },
        { "ticket-command.done", new TicketCommandMessage("done", "T1024", "换货", Amount: null, "已办结") },
        { "ticket-command.not-found", new TicketCommandMessage("not_found", "T1999", Resolution: null, Amount: null, Status: null) },
        { "ticket-command.not-yours", new TicketCommandMessage("not_yours", "T1024", Resolution: null, Amount: null, "待答复") },
        { "ticket-command.cannot-decide", new TicketCommandMessage("cannot_decide", "T1024", Resolution: null, Amount: null, "处理中") },
        { "ticket-command.not-accepted", new TicketCommandMessage("not_accepted", "T1024", Resolution: null, Amount: null, "待居民确认") },
        { "ticket-command.bad-amount", new TicketCommandMessage("bad_amount", "T1024", Resolution: null, Amount: null, "待答复") },
        { "ticket-command.refund-above-paid", new TicketCommandMessage("bad_amount", "T1024", Resolution: null, Amount: null, "待答复", Paid: "25.6") },
        { "ticket-command.own-ticket", new TicketCommandMessage("own_ticket", "T1024", Resolution: null, Amount: null, "待答复") },
        { "ticket-command.already-done", new TicketCommandMessage("already_done", "T1024", Resolution: null, Amount: null, "已办结") },
        { "ticket-update.accepted", new TicketUpdateMessage("T1024", "王阿姨", "accepted", "退款", "25.6", Rating: null) },
        { "ticket-update.declined", new TicketUpdateMessage("T1024", "王阿姨", "declined", "换货", Amount: null, Rating: null) },
        { "ticket-update.rated", new TicketUpdateMessage("T1024", "王阿姨", "rated", "退款", "25.6", Rating: 5) },
        { "ticket-done.refund", new TicketDoneMessage("王阿姨", "T1024", "退款", "25.6", CouponUntil: null) },
        { "ticket-done.coupon", new TicketDoneMessage("王阿姨", "T1024", "优惠券补偿（满20减3）", Amount: null, "12月5日") },
        { "ticket-follow-up.default", new TicketFollowUpMessage("王阿姨", "T1024", "周四鲜果") },
        { "ticket-follow-up.in-group", new TicketFollowUpMessage("王阿姨", "T1024", "周四鲜果", InGroup: true) },
        { "ticket-rated.high", new TicketRatedMessage("王阿姨", 5) },
        { "ticket-rated.low", new TicketRatedMessage("王阿姨", 2) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Template_renders_its_golden_output(string caseName, object model)
    {
        var output = await RenderAsync(model);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            // A reviewed change of wording: write the new output, then read the diff before committing it.
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "Conversations.Tests", "Templates", "Golden", caseName + ".out.txt"), output + "\n");
        }

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Templates", "Golden", caseName + ".out.txt"));
        Assert.Equal(expected.TrimEnd('\n'), output);
    }

    [Fact]
    public void Every_default_template_has_a_golden_case()
    {
        var covered = Cases.Select(c => ((string)c[0]).Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var names = new DefaultTemplates(RepositoryPaths.Templates).Names;

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, covered));
    }

    [Fact]
    public void Every_default_template_compiles()
    {
        var defaults = new DefaultTemplates(RepositoryPaths.Templates);

        Assert.All(defaults.Names, name => Assert.Empty(Templates.Check(defaults.Find(name)!)));
    }

    // MessageTemplates.RenderAsync<TModel> made for the model's own type, so a new template needs a case and nothing else.
    private static Task<string> RenderAsync(object model) =>
        (Task<string>)RenderMethod.MakeGenericMethod(model.GetType()).Invoke(Templates, [model, CancellationToken.None])!;
}
