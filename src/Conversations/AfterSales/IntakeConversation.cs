using GroupBuy.Conversations.AfterSales.Llm;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Takes a resident through after-sales intake: which order → what kind of problem → the window
/// check → evidence → a sentence → summary and confirmation → a ticket. Every answer is stored
/// on the <see cref="IntakeDialog"/> in the message's transaction, so a restart loses nothing and a
/// redelivered answer changes nothing twice.
/// </summary>
public sealed class IntakeConversation(
    GroupBuyDbContext db,
    ResidentDirectory residents,
    TicketDesk desk,
    TicketMessenger messenger,
    IssueClassifier classifier,
    BusinessTimeZone zone)
{
    /// <summary>Orders older than this are not offered: every window has long closed by then.</summary>
    public static readonly TimeSpan RecentOrders = TimeSpan.FromDays(30);

    private const int MaxChoices = 5;

    // In the order after-sales-choose-type.sbn numbers them.
    private static readonly IssueType[] TypeChoices = [IssueType.Quality, IssueType.Order, IssueType.Delivery, IssueType.MistakenOrder];

    public Task<IntakeDialog?> OpenOfAsync(string channel, string userId, CancellationToken cancellationToken) =>
        db.IntakeDialogs.FirstOrDefaultAsync(d => d.Channel == channel && d.ResidentUserId == userId && d.EndedAt == null, cancellationToken);

    /// <summary>The residents whose open intake is held in a group chat.</summary>
    public async Task<IReadOnlySet<string>> HeldInAsync(string channel, string chatId, CancellationToken cancellationToken) =>
        (await db.IntakeDialogs.AsNoTracking()
            .Where(d => d.EndedAt == null && d.Channel == channel && d.ChatId == chatId)
            .Select(d => d.ResidentUserId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the message should start an intake: a cue in the words, or (when the model is on)
    /// a complaint the model recognises in a private message or one addressed to the bot. Null when not.
    /// </summary>
    public async Task<IntakeTrigger?> TriggerOfAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var text = context.Text.Text;
        if (IntakeTriggerReader.TryRead(text, out var trigger))
        {
            // "退款，橙子放两天就软了": the cue says after-sales, the rest may tell the type.
            if (trigger.SuggestedType is null && text.Length > trigger.Phrase.Length + 4 && IsSaidToBot(context)
                && await classifier.ClassifyAsync(text, cancellationToken) is { IsComplaint: true, Type: { } type })
            {
                return trigger with { SuggestedType = type };
            }

            return trigger;
        }

        // Everyone's chat is not sent to the model: only what is said to the bot.
        if (text.Length >= 4 && IsSaidToBot(context) && classifier.IsEnabled
            && await classifier.ClassifyAsync(text, cancellationToken) is { IsComplaint: true } classified)
        {
            return new IntakeTrigger(classified.Type, "model");
        }

        return null;
    }

    /// <summary>
    /// Starts an intake. False when the message is better left to the order handler: "不想要了"
    /// while the resident's order in this chat can still simply be cancelled.
    /// </summary>
    public async Task<bool> StartAsync(MessageContext context, IntakeTrigger trigger, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var resident = await residents.SeenAsync(message.Channel, message.SenderId, message.SenderName, context.Now, cancellationToken);
        var orders = await RecentOrdersAsync(resident.Id, context.Now, cancellationToken);

        if (trigger.SuggestedType == IssueType.MistakenOrder && context.Group is { } here
            && orders.Any(o => o.Order.GroupId == here.Id && o.Campaign.IsTakingOrdersIn(here.Id, context.Now)))
        {
            return false;
        }

        // A ticket still being dealt with covers its order; a settled one does not (the exchanged
        // goods can be bad too).
        var pending = await db.Tickets.AsNoTracking()
            .Where(t => t.ResidentId == resident.Id
                && (t.Status == TicketStatus.Open || t.Status == TicketStatus.Proposed || t.Status == TicketStatus.InProgress))
            .Select(t => new { t.Id, t.OrderId })
            .ToListAsync(cancellationToken);

        // In a group, the rest goes private where the channel can: what went wrong with someone's
        // order is between them and the leader. Held in the group, it is about that group's orders only.
        var privately = context.IsPrivate || context.Capabilities.HasPrivateChat;
        var choices = orders
            .Where(o => pending.All(p => p.OrderId != o.Order.Id))
            .Where(o => privately || o.Order.GroupId == context.Group?.Id)
            .Take(MaxChoices)
            .ToList();
        if (choices.Count == 0)
        {
            var leaderName = context.Group?.LeaderName ?? await LeaderNameAsync(orders.FirstOrDefault()?.Order.GroupId, cancellationToken);
            var ticketNumber = pending.Count > 0 ? TicketNumber.Of(pending.Max(p => p.Id)) : null;
            // Privately where the channel can, like the rest of after-sales.
            await context.ReplyPrivatelyAsync(new AfterSalesNoOrderMessage(context.SenderName, ticketNumber, leaderName), cancellationToken);
            return true;
        }

        var dialog = new IntakeDialog(
            message.Channel, resident.Id, message.SenderId, context.SenderName, privately ? null : message.ChatId,
            context.Group?.Id, [.. choices.Select(c => c.Order.Id)], trigger.SuggestedType, context.Now);
        if (message.Kind == InboundMessageKind.Image)
        {
            dialog.AddEvidence(EvidenceOf(message));
        }

        if (choices.Count == 1)
        {
            dialog.ChooseOrder(choices[0].Order.Id);
        }

        db.IntakeDialogs.Add(dialog);
        if (!context.IsPrivate && privately)
        {
            await context.ReplyAsync(new AfterSalesMovedMessage(context.SenderName), cancellationToken);
        }

        await AdvanceAsync(context, dialog, choices, cancellationToken);
        return true;
    }

    /// <summary>Takes the resident's next answer on the dialog's own chat.</summary>
    public async Task ContinueAsync(MessageContext context, IntakeDialog dialog, CancellationToken cancellationToken)
    {
        dialog.Heard(context.Now);
        var message = context.Message;
        var text = context.Text.Text.Trim();
        var isImage = message.Kind == InboundMessageKind.Image;
        if (!isImage && IntakeAnswers.IsCancel(text))
        {
            dialog.End(IntakeOutcome.Cancelled, context.Now);
            await AskAsync(context, dialog, new AfterSalesEndedMessage(dialog.ResidentName, TimedOut: false), cancellationToken);
            return;
        }

        switch (dialog.Step)
        {
            case IntakeStep.ChooseOrder or IntakeStep.ChooseType when isImage:
                // A photo sent early is kept; the question still needs its answer.
                dialog.AddEvidence(EvidenceOf(message));
                await AskAgainAsync(context, dialog, cancellationToken);
                return;
            case IntakeStep.ChooseOrder when IntakeAnswers.TryChoice(text, dialog.OrderChoices.Count, out var choice):
                dialog.ChooseOrder(dialog.OrderChoices[choice - 1]);
                break;
            case IntakeStep.ChooseType when await TypeOfAsync(text, cancellationToken) is { } type:
                dialog.ChooseType(type);
                break;
            case IntakeStep.Evidence when isImage:
                dialog.AddEvidence(EvidenceOf(message));
                break;
            case IntakeStep.Evidence when dialog.Type == IssueType.Order && IntakeAnswers.TryOrderNumber(text, out var number):
                dialog.AddEvidence($"order-number:{number}");
                break;
            case IntakeStep.Evidence when IntakeAnswers.IsNoEvidence(text):
                // Eaten, thrown away, no camera at hand: taken without, and the leader sees it has none.
                dialog.GoWithoutEvidence();
                break;
            case IntakeStep.Description when isImage:
                // More photos are welcome; the question stays the same.
                dialog.AddEvidence(EvidenceOf(message));
                await AskAsync(context, dialog, new AfterSalesAskDescriptionMessage(dialog.ResidentName, dialog.Evidence.Count, Again: false), cancellationToken);
                return;
            case IntakeStep.Description when text.Length >= 2:
                dialog.Describe(text.Length > 500 ? text[..500] : text);
                break;
            case IntakeStep.Confirm when isImage:
                dialog.AddEvidence(EvidenceOf(message));
                break;
            case IntakeStep.Confirm when IntakeAnswers.IsConfirm(text):
                await SubmitAsync(context, dialog, cancellationToken);
                return;
            case IntakeStep.Confirm when IntakeAnswers.IsRedo(text):
                dialog.MoveTo(IntakeStep.Description);
                await AskAsync(context, dialog, new AfterSalesAskDescriptionMessage(dialog.ResidentName, dialog.Evidence.Count, Again: false), cancellationToken);
                return;
            default:
                await AskAgainAsync(context, dialog, cancellationToken);
                return;
        }

        await AdvanceAsync(context, dialog, null, cancellationToken);
    }

    /// <summary>Asks the dialog's current question again (an answer it could not read, a second "售后").</summary>
    public async Task AskAgainAsync(MessageContext context, IntakeDialog dialog, CancellationToken cancellationToken)
    {
        switch (dialog.Step)
        {
            case IntakeStep.ChooseOrder:
                await AskOrderAsync(context, dialog, await ChoicesAsync(dialog, cancellationToken), again: true, cancellationToken);
                break;
            case IntakeStep.ChooseType:
                var (_, campaign) = await OrderAsync(dialog.OrderId!.Value, cancellationToken);
                await AskAsync(context, dialog, new AfterSalesChooseTypeMessage(dialog.ResidentName, Again: true, campaign.Title), cancellationToken);
                break;
            case IntakeStep.Evidence:
                await AskAsync(context, dialog, EvidenceQuestion(dialog, again: true), cancellationToken);
                break;
            case IntakeStep.Description:
                await AskAsync(context, dialog, new AfterSalesAskDescriptionMessage(dialog.ResidentName, dialog.Evidence.Count, Again: true), cancellationToken);
                break;
            default:
                var (order, summarized) = await OrderAsync(dialog.OrderId!.Value, cancellationToken);
                await AskAsync(context, dialog, Summary(dialog, order, summarized, again: true), cancellationToken);
                break;
        }
    }

    /// <summary>Ends a dialog nobody answered for 30 minutes, with a note to the resident.</summary>
    public async Task TimeOutAsync(IntakeDialog dialog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        dialog.End(IntakeOutcome.TimedOut, now);
        await messenger.ToIntakeAsync(
            dialog, new AfterSalesEndedMessage(dialog.ResidentName, TimedOut: true), $"intake:{dialog.Id}:timed-out", now, cancellationToken);
    }

    // Asks whatever is missing next; checks the window once both the order and the type are known.
    private async Task AdvanceAsync(MessageContext context, IntakeDialog dialog, IReadOnlyList<RecentOrder>? choices, CancellationToken cancellationToken)
    {
        if (dialog.OrderId is not { } orderId)
        {
            dialog.MoveTo(IntakeStep.ChooseOrder);
            await AskOrderAsync(context, dialog, choices ?? await ChoicesAsync(dialog, cancellationToken), again: false, cancellationToken);
            return;
        }

        var (order, campaign) = await OrderAsync(orderId, cancellationToken);
        if (dialog.Type is not { } type)
        {
            dialog.MoveTo(IntakeStep.ChooseType);
            await AskAsync(context, dialog, new AfterSalesChooseTypeMessage(dialog.ResidentName, Again: false, campaign.Title), cancellationToken);
            return;
        }

        if (dialog.Step is IntakeStep.ChooseOrder or IntakeStep.ChooseType)
        {
            var decision = AfterSalesWindow.Check(type, OrderTimeline.Of(order, campaign, campaign.ChatOf(order.GroupId)!), context.Now);
            if (!decision.Accepted)
            {
                dialog.End(IntakeOutcome.OutsideWindow, context.Now);
                var deadline = decision.Deadline is { } at ? ChineseFormat.DayAndTime(zone.ToLocal(at)) : null;
                await AskAsync(
                    context,
                    dialog,
                    new AfterSalesOutsideWindowMessage(dialog.ResidentName, IssueTypeNames.Of(type), RefusalCode(decision.Refusal!.Value), deadline, await LeaderNameAsync(order.GroupId, cancellationToken), WindowHours(type)),
                    cancellationToken);
                return;
            }
        }

        if (NeedsEvidence(type, order) && dialog.Evidence.Count == 0 && !dialog.WithoutEvidence)
        {
            dialog.MoveTo(IntakeStep.Evidence);
            await AskAsync(context, dialog, EvidenceQuestion(dialog, again: false), cancellationToken);
        }
        else if (dialog.Description is null)
        {
            dialog.MoveTo(IntakeStep.Description);
            await AskAsync(context, dialog, new AfterSalesAskDescriptionMessage(dialog.ResidentName, dialog.Evidence.Count, Again: false), cancellationToken);
        }
        else
        {
            dialog.MoveTo(IntakeStep.Confirm);
            await AskAsync(context, dialog, Summary(dialog, order, campaign, again: false), cancellationToken);
        }
    }

    private async Task SubmitAsync(MessageContext context, IntakeDialog dialog, CancellationToken cancellationToken)
    {
        var (order, campaign) = await OrderAsync(dialog.OrderId!.Value, cancellationToken);
        var lines = order.Lines.OrderBy(l => l.ItemNo)
            .Select(l => new TicketLine(l.ItemNo, campaign.FindItem(l.ItemNo)?.Name ?? $"{l.ItemNo}号", l.Quantity, l.UnitPrice))
            .ToList();
        var ticket = await desk.OpenAsync(
            new TicketIntake(
                dialog.Channel, dialog.ResidentId, dialog.ResidentUserId, dialog.ResidentName, dialog.ChatId, order.GroupId, order.Id, order.CampaignId,
                dialog.Type!.Value, lines, order.Payable, dialog.Evidence, dialog.Description!),
            context.Now,
            cancellationToken);
        dialog.End(IntakeOutcome.Submitted, context.Now, ticket.Id);
        await AskAsync(
            context, dialog, new AfterSalesSubmittedMessage(dialog.ResidentName, ticket.Number, await LeaderNameAsync(order.GroupId, cancellationToken)), cancellationToken);
    }

    private async Task<IssueType?> TypeOfAsync(string text, CancellationToken cancellationToken)
    {
        if (IntakeAnswers.TryChoice(text, TypeChoices.Length, out var choice))
        {
            return TypeChoices[choice - 1];
        }

        if (IntakeTriggerReader.TryRead(text, out var trigger) && trigger.SuggestedType is { } type)
        {
            return type;
        }

        // Words the rules cannot place ("放两天就软了还有点酸") go to the model when it is on; a
        // failure or a "cannot tell" asks the numbered question again.
        return text.Length >= 2 ? (await classifier.ClassifyAsync(text, cancellationToken))?.Type : null;
    }

    private async Task AskOrderAsync(MessageContext context, IntakeDialog dialog, IReadOnlyList<RecentOrder> choices, bool again, CancellationToken cancellationToken)
    {
        var offered = choices.Select((c, i) => new AfterSalesOrderChoice(
            i + 1,
            c.Campaign.Title,
            DayOf(c.Campaign.PickupAt),
            OrderLineText.Of(c.Order, c.Campaign),
            ChineseFormat.Money(c.Order.Payable))).ToList();
        await AskAsync(context, dialog, new AfterSalesChooseOrderMessage(dialog.ResidentName, again, !dialog.IsPrivate, offered), cancellationToken);
    }

    private static AfterSalesSummaryMessage Summary(IntakeDialog dialog, Order order, Campaign campaign, bool again) =>
        new(
            dialog.ResidentName, again, !dialog.IsPrivate, campaign.Title, OrderLineText.Of(order, campaign),
            IssueTypeNames.Of(dialog.Type!.Value), dialog.Evidence.Count, dialog.Description ?? string.Empty, EvidenceMissing: dialog.WithoutEvidence && dialog.Evidence.Count == 0);

    // Goods that never came cannot be photographed: a late delivery before pickup needs nothing.
    private static bool NeedsEvidence(IssueType type, Order order) =>
        EvidenceRequirement.For(type).IsRequired && !(type == IssueType.Delivery && order.PickedUpAt is null);

    private static AfterSalesAskEvidenceMessage EvidenceQuestion(IntakeDialog dialog, bool again) => new(
        dialog.ResidentName,
        IssueTypeNames.Of(dialog.Type!.Value),
        again,
        WantsPhoto: EvidenceRequirement.For(dialog.Type!.Value).Accepts(EvidenceKind.Photo));

    // The dialog is answered where it is held: privately even when the resident wrote in the group.
    private static Task AskAsync<TModel>(MessageContext context, IntakeDialog dialog, TModel model, CancellationToken cancellationToken)
        where TModel : IMessageModel =>
        dialog.IsPrivate && !context.IsPrivate
            ? context.ReplyPrivatelyAsync(model, cancellationToken)
            : context.ReplyAsync(model, cancellationToken);

    private async Task<IReadOnlyList<RecentOrder>> RecentOrdersAsync(long residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - RecentOrders;
        var orders = await db.Orders.Include(o => o.Lines)
            .Where(o => o.ResidentId == residentId && o.CreatedAt >= since && (o.Status == OrderStatus.Open || o.Status == OrderStatus.PickedUp))
            .OrderByDescending(o => o.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        return await WithCampaignsAsync([.. orders.Where(o => o.Lines.Count > 0)], cancellationToken);
    }

    private async Task<IReadOnlyList<RecentOrder>> ChoicesAsync(IntakeDialog dialog, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.Include(o => o.Lines).Where(o => dialog.OrderChoices.Contains(o.Id)).ToListAsync(cancellationToken);
        return await WithCampaignsAsync([.. dialog.OrderChoices.Select(id => orders.Single(o => o.Id == id))], cancellationToken);
    }

    private async Task<IReadOnlyList<RecentOrder>> WithCampaignsAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => o.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.Include(c => c.Items).Include(c => c.Chats)
            .Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. orders.Select(o => new RecentOrder(o, campaigns[o.CampaignId]))];
    }

    private async Task<(Order Order, Campaign Campaign)> OrderAsync(long orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId, cancellationToken);
        var campaign = await db.Campaigns.Include(c => c.Items).Include(c => c.Chats).SingleAsync(c => c.Id == order.CampaignId, cancellationToken);
        return (order, campaign);
    }

    private async Task<string?> LeaderNameAsync(long? groupId, CancellationToken cancellationToken) => groupId is null
        ? null
        : await db.Groups.Where(g => g.Id == groupId).Select(g => g.LeaderName).FirstOrDefaultAsync(cancellationToken);

    private string DayOf(DateTimeOffset instant) => ChineseFormat.Day(zone.DayOf(instant));

    private static bool IsSaidToBot(MessageContext context) => context.IsPrivate || context.Text.AddressedToBot;

    /// <summary>
    /// Whether a message on the dialog's chat answers it. Privately, everything does. Held in a
    /// group, only what reads as an answer to the question, or is said to the bot: the resident's
    /// other chat there ("苹果+2") goes on to the other handlers.
    /// </summary>
    public static bool IsAnswer(MessageContext context, IntakeDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dialog);
        if (dialog.IsPrivate || context.Message.Kind == InboundMessageKind.Image || context.Text.AddressedToBot)
        {
            return true;
        }

        var text = context.Text.Text;
        return IntakeAnswers.IsCancel(text) || dialog.Step switch
        {
            IntakeStep.ChooseOrder => IntakeAnswers.TryChoice(text, dialog.OrderChoices.Count, out _),
            IntakeStep.ChooseType => IntakeAnswers.TryChoice(text, TypeChoices.Length, out _),
            IntakeStep.Evidence => IntakeAnswers.TryOrderNumber(text, out _) || IntakeAnswers.IsNoEvidence(text),
            IntakeStep.Confirm => IntakeAnswers.IsConfirm(text) || IntakeAnswers.IsRedo(text),
            _ => false,
        };
    }

    // An image is kept as the channel's address for it, or as the message itself when there is none.
    private static string EvidenceOf(InboundMessage message) =>
        message.ImageUrl is { Length: > 0 } url ? url : $"message:{message.Channel}:{message.MessageId}";

    private static int WindowHours(IssueType type) =>
        (int)(type == IssueType.Order ? AfterSalesWindow.OrderProblems : AfterSalesWindow.QualityAndDelivery).TotalHours;

    private static string RefusalCode(WindowRefusal refusal) => refusal switch
    {
        WindowRefusal.TooLate => "too_late",
        WindowRefusal.AlreadyShipped => "already_shipped",
        WindowRefusal.NotPickedUpYet => "not_picked_up_yet",
        WindowRefusal.CancelInstead => "cancel_instead",
        WindowRefusal.NotDueYet => "not_due_yet",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Unknown refusal."),
    };

    private sealed record RecentOrder(Order Order, Campaign Campaign);
}
