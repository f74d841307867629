using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Leaders;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Reminders;

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// A fixed model for each case of each message template: the golden tests render them against the
/// shipped defaults, the console previews ops' edits with them, and an edit is refused when any
/// of them fails to render (an unknown variable, an endless loop, output past the limit).
/// </summary>
public static class TemplateSamples
{
    /// <summary>Every case, named <c>template.case</c>; every default template has at least one.</summary>
    public static IReadOnlyList<TemplateSample> All { get; } =
    [
        new("help.all-messages", new HelpMessage("阳光花园3栋团购群", "李姐", MentionRequired: false, BotName: "团购助手")),
        new("help.mention-only", new HelpMessage("阳光花园3栋团购群", "李姐", MentionRequired: true, BotName: "团购助手")),
        new("help-private.default", new PrivateHelpMessage("团购助手")),
        new("not-understood.in-group", new NotUnderstoodMessage("王阿姨", InGroup: true, MentionRequired: false, BotName: "团购助手")),
        new("not-understood.in-group-mention-only", new NotUnderstoodMessage("王阿姨", InGroup: true, MentionRequired: true, BotName: "团购助手")),
        new("not-understood.private", new NotUnderstoodMessage("王阿姨", InGroup: false, MentionRequired: false, BotName: "团购助手")),
        new(
            "campaign-preview.several-items",
            new CampaignPreview(
                "周四鲜果",
                [new PreviewItem(1, "红富士苹果", "12.8", "15.8", "3", 100), new PreviewItem(2, "香蕉", "6", "6.9", "0.9", null), new PreviewItem(3, "砂糖橘", "19.9", null, null, null)],
                "11月26日(周四) 22:00",
                "11月27日(周五) 17:00",
                "3栋大堂快递柜旁",
                MentionRequired: false,
                BotName: "团购助手")
        ),
        new(
            "campaign-preview.one-item-mention-only",
            new CampaignPreview("东北大米10斤", [new PreviewItem(1, "五常大米", "59.9", "69.9", "10", 30)], "12月1日(周二) 20:00", "12月3日(周四) 17:00", "幸福里东门", MentionRequired: true, BotName: "团购助手")
        ),
        new(
            "order-ack.two-residents",
            new OrderAckMessage(
                "周四鲜果",
                [new OrderAckEntry("王阿姨", ["1号红富士苹果×2", "2号香蕉×1"], "31.6", Cancelled: false), new OrderAckEntry("李叔", [], "0", Cancelled: true)],
                "11月26日(周四) 22:00")
        ),
        new(
            "order-ack.coupons-used-and-held",
            new OrderAckMessage(
                "周四鲜果",
                [
                    new OrderAckEntry("王阿姨", ["1号红富士苹果×3"], "38.4", Cancelled: false, new OrderAckCoupon("满30减8", "30", Used: true, "8", "30.4")),
                    new OrderAckEntry("李叔", ["2号香蕉×2"], "12", Cancelled: false, new OrderAckCoupon("满50减5", "50", Used: false, "0", "12")),
                    new OrderAckEntry("赵姐", ["2号香蕉×1"], "6", Cancelled: false, new OrderAckCoupon("9.5折", "0", Used: false, "0", "6")),
                ],
                "11月26日(周四) 22:00")
        ),
        new("order-unclear.several-items", new OrderUnclearMessage("王阿姨", SingleItem: false, MentionRequired: false, BotName: "团购助手")),
        new("order-unclear.one-item-mention-only", new OrderUnclearMessage("王阿姨", SingleItem: true, MentionRequired: true, BotName: "团购助手")),
        new("campaign-closed.default", new CampaignClosedMessage("李叔", "周四鲜果")),
        new("sold-out.some-left", new SoldOutMessage("王阿姨", 1, "红富士苹果", 5, 2, MentionRequired: false, BotName: "团购助手")),
        new("sold-out.none-left", new SoldOutMessage("王阿姨", 1, "红富士苹果", 1, 0, MentionRequired: true, BotName: "团购助手")),
        new("order-read-back.order", new OrderReadBackMessage("王阿姨", "order", ["1号红富士苹果×2", "3号全麦面包×1"], SingleItem: false, MentionRequired: false, BotName: "团购助手")),
        new("order-read-back.change-one-item-mention-only", new OrderReadBackMessage("王阿姨", "change", ["1号五常大米×3"], SingleItem: true, MentionRequired: true, BotName: "团购助手")),
        new("order-read-back.cancel", new OrderReadBackMessage("王阿姨", "cancel", ["3号全麦面包"], SingleItem: false, MentionRequired: false, BotName: "团购助手")),
        new("order-read-back.cancel-all", new OrderReadBackMessage("王阿姨", "cancel_all", ["1号红富士苹果", "3号全麦面包"], SingleItem: false, MentionRequired: false, BotName: "团购助手")),
        new("nothing-to-cancel.nothing-ordered", new NothingToCancelMessage("李叔", "周四鲜果", [])),
        new("nothing-to-cancel.not-that-item", new NothingToCancelMessage("李叔", "周四鲜果", ["3号全麦面包"])),
        new("leader-only.default", new LeaderOnlyMessage("王阿姨", "截单", "李姐")),
        new("leader-problem.unknown-code-style", new LeaderProblemMessage("pickup_usage", "核销", string.Empty, MentionRequired: false, BotName: "团购助手")),
        new("leader-problem.no-such-item", new LeaderProblemMessage("no_such_item", "9", "周四鲜果", MentionRequired: false, BotName: "团购助手")),
        new("leader-problem.shortage-usage-mention-only", new LeaderProblemMessage("shortage_usage", "abc", string.Empty, MentionRequired: true, BotName: "团购助手")),
        new("leader-help.default", new LeaderHelpMessage("李姐", MentionRequired: false, BotName: "团购助手")),
        new("cut-off.with-orders", new CutOffMessage("周四鲜果", 12, "11月27日(周五) 17:00", "3栋大堂快递柜旁")),
        new("cut-off.no-orders", new CutOffMessage("周四鲜果", 0, "11月27日(周五) 17:00", "3栋大堂快递柜旁")),
        new(
            "leader-summary.two-residents",
            new SummaryMessage(
                "周四鲜果",
                TakingOrders: false,
                [new SummaryItem(1, "红富士苹果", 3, "38.4"), new SummaryItem(2, "香蕉", 1, "6")],
                [new SummaryResident("王阿姨", "1001", ["1号红富士苹果×2", "2号香蕉×1"], "31.6"), new SummaryResident("李叔", "1002", ["1号红富士苹果×1"], "12.8")],
                More: 0,
                OrderCount: 2,
                Total: "44.4")
        ),
        new(
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
        ),
        new("leader-summary.empty-while-open", new SummaryMessage("周四鲜果", TakingOrders: true, [], [], 0, 0, "0")),
        new(
            "arrival.two-parts",
            new ArrivalMessage("周四鲜果", "3栋大堂快递柜旁", [new PickupEntry("王阿姨", "1001", ["1号红富士苹果×2"]), new PickupEntry("李叔", "1002", ["2号香蕉×1"])], 1, 2)
        ),
        new(
            "pickup-confirmed.mixed",
            new PickupConfirmedMessage([new PickupEntry("王阿姨", "1001", ["1号红富士苹果×2"])], [new PickupEntry("李叔", "1002", ["2号香蕉×1"])], ["1009"], StillWaiting: 3)
        ),
        new("pickup-confirmed.last-one", new PickupConfirmedMessage([new PickupEntry("王阿姨", "1001", ["1号红富士苹果×2"])], [], [], StillWaiting: 0)),
        new("not-picked-up.some", new NotPickedUpMessage("周四鲜果", [new PickupEntry("李叔", "1002", ["2号香蕉×1"])], PickedUp: 5)),
        new("not-picked-up.none", new NotPickedUpMessage("周四鲜果", [], PickedUp: 6)),
        new("pickup-reminder.default", new PickupReminderMessage("周四鲜果", "3栋大堂快递柜旁", [new PickupEntry("李叔", "1002", ["2号香蕉×1"])])),
        new("shortage-notice.part", new ShortageNoticeMessage("王阿姨", "3号全麦面包", 3, 1, "8.5")),
        new("shortage-notice.all", new ShortageNoticeMessage("李叔", "3号全麦面包", 2, 2, "17")),
        new(
            "shortage-summary.default",
            new ShortageSummaryMessage("3号全麦面包", 4, [new ShortageAffected("李叔", 2), new ShortageAffected("王阿姨", 1)], "25.5", Unmatched: 1)
        ),
        new("pickup-reminder-private.first", new PrivatePickupReminderMessage("王阿姨", "周四鲜果", "3栋大堂快递柜旁", "1001", ["1号红富士苹果×2", "2号香蕉×1"], Again: false)),
        new("pickup-reminder-private.next-morning", new PrivatePickupReminderMessage("王阿姨", "周四鲜果", "3栋大堂快递柜旁", "1001", ["1号红富士苹果×2"], Again: true)),
        new("pickup-overdue.default", new PickupOverdueMessage("李姐", "周四鲜果", 48, [new PickupEntry("李叔", "1002", ["2号香蕉×1"]), new PickupEntry("张姐", "1003", ["3号全麦面包×1"])])),
        new("progress-sorting.default", new SortingNoticeMessage("周四鲜果", "11月27日(周五) 17:00", "3栋大堂快递柜旁")),
        new("progress-delivered.default", new DeliveredNoticeMessage("周四鲜果", "11月27日(周五) 17:00", "3栋大堂快递柜旁")),
        new("marketing-win-back.default", new WinBackMessage("王阿姨", "满30减8", "30", "12月7日")),
        new("marketing-recommendation.with-favourites", new RecommendationMessage("李叔", ["红富士苹果", "五常大米"], ["满50减5", "满100减12"], "12月7日")),
        new("marketing-recommendation.no-favourites", new RecommendationMessage("李叔", [], ["满50减5", "满100减12"], "12月7日")),
        new("marketing-core-price.default", new CorePriceMessage("赵姐", "9.5折", "12月7日")),
        new("marketing-unsubscribed.default", new UnsubscribedMessage("王阿姨")),
        new("marketing-resubscribed.default", new ResubscribedMessage("王阿姨")),
        new(
            "leader-commission.below-first-tier",
            new LeaderCommissionMessage("李姐", "11月23日–11月29日", "180.75", "14.09", "11月", "4,972.75", "301.61", HasTierBonus: false, "0", HasNextTier: true, "500", "27.25")
        ),
        new(
            "leader-commission.first-tier",
            new LeaderCommissionMessage("李姐", "11月30日–12月6日", "59.90", "3.59", "11月", "5,032.65", "305.20", HasTierBonus: true, "500", HasNextTier: true, "1,200", "4,967.35")
        ),
        new(
            "leader-commission.top-tier",
            new LeaderCommissionMessage("张姐", "11月23日–11月29日", "2,345.60", "234.56", "11月", "10,000.00", "1,000.00", HasTierBonus: true, "1,200", HasNextTier: false, string.Empty, string.Empty)
        ),
        new("after-sales-moved.default", new AfterSalesMovedMessage("王阿姨")),
        new(
            "after-sales-choose-order.private",
            new AfterSalesChooseOrderMessage(
                "王阿姨",
                Again: false,
                InGroup: false,
                [new AfterSalesOrderChoice(1, "周四鲜果", "11月27日", ["1号红富士苹果×2", "2号香蕉×1"], "31.6"), new AfterSalesOrderChoice(2, "东北大米10斤", "11月20日", ["1号五常大米×1"], "59.9")])
        ),
        new(
            "after-sales-choose-order.in-group-again",
            new AfterSalesChooseOrderMessage(
                "王阿姨",
                Again: true,
                InGroup: true,
                [new AfterSalesOrderChoice(1, "周四鲜果", "11月27日", ["1号红富士苹果×2", "2号香蕉×1"], "31.6"), new AfterSalesOrderChoice(2, "东北大米10斤", "11月20日", ["1号五常大米×1"], "59.9")])
        ),
        new("after-sales-no-order.nothing-recent", new AfterSalesNoOrderMessage("王阿姨", PendingTicket: null, LeaderName: "李姐")),
        new("after-sales-no-order.ticket-pending", new AfterSalesNoOrderMessage("王阿姨", PendingTicket: "T1024", LeaderName: null)),
        new("after-sales-choose-type.first", new AfterSalesChooseTypeMessage("王阿姨", Again: false, "周四鲜果")),
        new("after-sales-choose-type.again", new AfterSalesChooseTypeMessage("王阿姨", Again: true, "周四鲜果")),
        new("after-sales-outside-window.too-late-quality", new AfterSalesOutsideWindowMessage("王阿姨", "质量问题", "too_late", "11月28日(周六) 17:00", "李姐", Hours: 24)),
        new("after-sales-outside-window.too-late-order-no-deadline", new AfterSalesOutsideWindowMessage("王阿姨", "订单问题", "too_late", Deadline: null, LeaderName: null, Hours: 12)),
        new("after-sales-outside-window.already-shipped", new AfterSalesOutsideWindowMessage("王阿姨", "误下单", "already_shipped", Deadline: null, "李姐", Hours: 24)),
        new("after-sales-outside-window.not-picked-up-yet", new AfterSalesOutsideWindowMessage("王阿姨", "质量问题", "not_picked_up_yet", Deadline: null, LeaderName: null, Hours: 24)),
        new("after-sales-outside-window.not-picked-up-yet-order", new AfterSalesOutsideWindowMessage("王阿姨", "订单问题", "not_picked_up_yet", Deadline: null, "李姐", Hours: 12)),
        new("after-sales-outside-window.cancel-instead", new AfterSalesOutsideWindowMessage("王阿姨", "误下单", "cancel_instead", "11月26日(周四) 22:00", "李姐", Hours: 24)),
        new("after-sales-outside-window.not-due-yet", new AfterSalesOutsideWindowMessage("王阿姨", "配送问题", "not_due_yet", Deadline: null, "李姐", Hours: 24)),
        new("after-sales-ask-evidence.photo", new AfterSalesAskEvidenceMessage("王阿姨", "质量问题", Again: false, WantsPhoto: true)),
        new("after-sales-ask-evidence.photo-again", new AfterSalesAskEvidenceMessage("王阿姨", "配送问题", Again: true, WantsPhoto: true)),
        new("after-sales-ask-evidence.order-number", new AfterSalesAskEvidenceMessage("王阿姨", "订单问题", Again: false, WantsPhoto: false)),
        new("after-sales-ask-evidence.order-number-again", new AfterSalesAskEvidenceMessage("王阿姨", "订单问题", Again: true, WantsPhoto: false)),
        new("after-sales-ask-description.no-evidence", new AfterSalesAskDescriptionMessage("王阿姨", Evidence: 0, Again: false)),
        new("after-sales-ask-description.one-photo", new AfterSalesAskDescriptionMessage("王阿姨", Evidence: 1, Again: false)),
        new("after-sales-ask-description.two-photos-again", new AfterSalesAskDescriptionMessage("王阿姨", Evidence: 2, Again: true)),
        new(
            "after-sales-summary.private",
            new AfterSalesSummaryMessage("王阿姨", Again: false, InGroup: false, "周四鲜果", ["1号红富士苹果×2", "2号香蕉×1"], "质量问题", Evidence: 2, "苹果有3个烂了，香蕉是好的")
        ),
        new(
            "after-sales-summary.in-group-again",
            new AfterSalesSummaryMessage("王阿姨", Again: true, InGroup: true, "周四鲜果", ["1号红富士苹果×2", "2号香蕉×1"], "误下单", Evidence: 0, "香蕉买重了")
        ),
        new(
            "after-sales-summary.no-photo",
            new AfterSalesSummaryMessage("王阿姨", Again: false, InGroup: false, "周四鲜果", ["1号红富士苹果×2"], "质量问题", Evidence: 0, "烂了两个，已经扔了", EvidenceMissing: true)
        ),
        new("after-sales-submitted.with-leader", new AfterSalesSubmittedMessage("王阿姨", "T1024", "李姐")),
        new("after-sales-submitted.no-leader", new AfterSalesSubmittedMessage("王阿姨", "T1024", LeaderName: null)),
        new("after-sales-ended.timed-out", new AfterSalesEndedMessage("王阿姨", TimedOut: true)),
        new("after-sales-ended.cancelled", new AfterSalesEndedMessage("王阿姨", TimedOut: false)),
        new("after-sales-already-open.private", new AfterSalesAlreadyOpenMessage("王阿姨", ContinuePrivately: true)),
        new("after-sales-already-open.in-group", new AfterSalesAlreadyOpenMessage("王阿姨", ContinuePrivately: false)),
        new(
            "ticket-notice.leader",
            new TicketNoticeMessage("T1024", ForOps: false, "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", "周四鲜果", ["1号红富士苹果×2"], "苹果有3个烂了", Evidence: 2, "11月28日(周六) 10:30", ["https://img.example.com/a.jpg", "https://img.example.com/b.jpg"])
        ),
        new(
            "ticket-notice.ops",
            new TicketNoticeMessage("T1024", ForOps: true, "阳光花园3栋团购群", "李姐", "王阿姨", "订单问题", "周四鲜果", ["1号红富士苹果×2", "2号香蕉×1"], "少了一袋香蕉", Evidence: 1, "11月28日(周六) 10:30")
        ),
        new(
            "ticket-notice.leader-mistaken-order",
            new TicketNoticeMessage("T1024", ForOps: false, "阳光花园3栋团购群", "李姐", "王阿姨", "误下单", "周四鲜果", ["2号香蕉×1"], "香蕉买重了，还没到货", Evidence: 0, "11月26日(周四) 23:15")
        ),
        new("ticket-escalation.no-answer", new TicketEscalationMessage("T1024", "no_answer", "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", Resolution: null, Amount: null, DueAt: null)),
        new("ticket-escalation.overdue", new TicketEscalationMessage("T1024", "overdue", "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", "退款", "25.6", "11月29日(周日) 10:30")),
        new("ticket-escalation.unconfirmed", new TicketEscalationMessage("T1024", "unconfirmed", "阳光花园3栋团购群", "李姐", "王阿姨", "质量问题", "换货", Amount: null, "12月1日(周二) 10:30")),
        new("ticket-escalation.declined", new TicketEscalationMessage("T1024", "declined", "阳光花园3栋团购群", "李姐", "王阿姨", "配送问题", "现金补偿", "5", "11月29日(周日) 10:30")),
        new("ticket-proposal.refund", new TicketProposalMessage("王阿姨", "T1024", "退款", "25.6", "11月29日(周日) 10:30")),
        new("ticket-proposal.refund-in-group", new TicketProposalMessage("王阿姨", "T1024", "退款", "25.6", "11月29日(周日) 10:30", InGroup: true)),
        new("ticket-proposal.exchange", new TicketProposalMessage("王阿姨", "T1024", "换货", Amount: null, "12月1日(周二) 10:30")),
        new("ticket-confirmation.accepted", new TicketConfirmationMessage("王阿姨", "T1024", Accepted: true, "退款", "25.6", "11月29日(周日) 10:30")),
        new("ticket-confirmation.declined", new TicketConfirmationMessage("王阿姨", "T1024", Accepted: false, "换货", Amount: null, "12月1日(周二) 10:30")),
        new("ticket-command.decided", new TicketCommandMessage("decided", "T1024", "退款", "8.5", "待居民确认")),
        new("ticket-command.decided-coupon", new TicketCommandMessage("decided", "T1024", "优惠券补偿（满20减3）", Amount: null, "待居民确认")),
        new("ticket-command.done", new TicketCommandMessage("done", "T1024", "换货", Amount: null, "已办结")),
        new("ticket-command.not-found", new TicketCommandMessage("not_found", "T1999", Resolution: null, Amount: null, Status: null)),
        new("ticket-command.not-yours", new TicketCommandMessage("not_yours", "T1024", Resolution: null, Amount: null, "待答复")),
        new("ticket-command.cannot-decide", new TicketCommandMessage("cannot_decide", "T1024", Resolution: null, Amount: null, "处理中")),
        new("ticket-command.not-accepted", new TicketCommandMessage("not_accepted", "T1024", Resolution: null, Amount: null, "待居民确认")),
        new("ticket-command.bad-amount", new TicketCommandMessage("bad_amount", "T1024", Resolution: null, Amount: null, "待答复")),
        new("ticket-command.refund-above-paid", new TicketCommandMessage("bad_amount", "T1024", Resolution: null, Amount: null, "待答复", Paid: "25.6")),
        new("ticket-command.own-ticket", new TicketCommandMessage("own_ticket", "T1024", Resolution: null, Amount: null, "待答复")),
        new("ticket-command.already-done", new TicketCommandMessage("already_done", "T1024", Resolution: null, Amount: null, "已办结")),
        new("ticket-update.accepted", new TicketUpdateMessage("T1024", "王阿姨", "accepted", "退款", "25.6", Rating: null)),
        new("ticket-update.declined", new TicketUpdateMessage("T1024", "王阿姨", "declined", "换货", Amount: null, Rating: null)),
        new("ticket-update.rated", new TicketUpdateMessage("T1024", "王阿姨", "rated", "退款", "25.6", Rating: 5)),
        new("ticket-done.refund", new TicketDoneMessage("王阿姨", "T1024", "退款", "25.6", CouponUntil: null)),
        new("ticket-done.coupon", new TicketDoneMessage("王阿姨", "T1024", "优惠券补偿（满20减3）", Amount: null, "12月5日")),
        new("ticket-follow-up.default", new TicketFollowUpMessage("王阿姨", "T1024", "周四鲜果")),
        new("ticket-follow-up.in-group", new TicketFollowUpMessage("王阿姨", "T1024", "周四鲜果", InGroup: true)),
        new("ticket-rated.high", new TicketRatedMessage("王阿姨", 5)),
        new("ticket-rated.low", new TicketRatedMessage("王阿姨", 2)),
    ];

    public static IReadOnlyList<TemplateSample> For(string template) => [.. All.Where(s => s.Template == template)];
}
