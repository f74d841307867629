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

    private static Task<string> RenderAsync(object model) => model switch
    {
        HelpMessage help => Templates.RenderAsync(help, CancellationToken.None),
        CampaignPreview preview => Templates.RenderAsync(preview, CancellationToken.None),
        OrderAckMessage ack => Templates.RenderAsync(ack, CancellationToken.None),
        OrderUnclearMessage unclear => Templates.RenderAsync(unclear, CancellationToken.None),
        CampaignClosedMessage closed => Templates.RenderAsync(closed, CancellationToken.None),
        SoldOutMessage soldOut => Templates.RenderAsync(soldOut, CancellationToken.None),
        OrderReadBackMessage readBack => Templates.RenderAsync(readBack, CancellationToken.None),
        NothingToCancelMessage nothing => Templates.RenderAsync(nothing, CancellationToken.None),
        LeaderOnlyMessage leaderOnly => Templates.RenderAsync(leaderOnly, CancellationToken.None),
        LeaderProblemMessage problem => Templates.RenderAsync(problem, CancellationToken.None),
        LeaderHelpMessage leaderHelp => Templates.RenderAsync(leaderHelp, CancellationToken.None),
        CutOffMessage cutOff => Templates.RenderAsync(cutOff, CancellationToken.None),
        SummaryMessage summary => Templates.RenderAsync(summary, CancellationToken.None),
        ArrivalMessage arrival => Templates.RenderAsync(arrival, CancellationToken.None),
        PickupConfirmedMessage pickedUp => Templates.RenderAsync(pickedUp, CancellationToken.None),
        NotPickedUpMessage notPickedUp => Templates.RenderAsync(notPickedUp, CancellationToken.None),
        PickupReminderMessage reminder => Templates.RenderAsync(reminder, CancellationToken.None),
        ShortageNoticeMessage shortage => Templates.RenderAsync(shortage, CancellationToken.None),
        ShortageSummaryMessage shortageSummary => Templates.RenderAsync(shortageSummary, CancellationToken.None),
        SortingNoticeMessage sorting => Templates.RenderAsync(sorting, CancellationToken.None),
        DeliveredNoticeMessage delivered => Templates.RenderAsync(delivered, CancellationToken.None),
        PrivatePickupReminderMessage privateReminder => Templates.RenderAsync(privateReminder, CancellationToken.None),
        PickupOverdueMessage overdue => Templates.RenderAsync(overdue, CancellationToken.None),
        LeaderCommissionMessage commission => Templates.RenderAsync(commission, CancellationToken.None),
        WinBackMessage winBack => Templates.RenderAsync(winBack, CancellationToken.None),
        RecommendationMessage recommendation => Templates.RenderAsync(recommendation, CancellationToken.None),
        CorePriceMessage corePrice => Templates.RenderAsync(corePrice, CancellationToken.None),
        UnsubscribedMessage unsubscribed => Templates.RenderAsync(unsubscribed, CancellationToken.None),
        ResubscribedMessage resubscribed => Templates.RenderAsync(resubscribed, CancellationToken.None),
        _ => throw new NotSupportedException($"Add {model.GetType().Name} to the golden test's dispatch."),
    };
}
