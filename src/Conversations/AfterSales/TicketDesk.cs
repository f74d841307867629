using System.Globalization;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// The life of a ticket after intake: opened (leader and ops told at once), decided by the leader
/// or ops, accepted or declined by the resident, carried out, followed up. Each step changes the
/// ticket and adds its messages to the outbox; the caller saves both together, so a retried
/// message or job neither loses nor doubles them.
/// </summary>
public sealed class TicketDesk(
    GroupBuyDbContext db,
    TicketMessenger messenger,
    AfterSalesSettings settings,
    CouponSettings coupons,
    BusinessTimeZone zone)
{
    /// <summary>Opens the ticket and tells the leader and ops. Saves, so the ticket has its number.</summary>
    public async Task<Ticket> OpenAsync(TicketIntake intake, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = new Ticket(intake, now);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);

        var (group, campaign) = await WhereAsync(ticket, cancellationToken);
        var answerBy = ChineseFormat.DayAndTime(zone.ToLocal(ticket.FirstAnswerDueAt));
        await messenger.ToLeaderAsync(group, Notice(ticket, group, campaign, forOps: false, answerBy), Key(ticket, "opened:leader"), now, cancellationToken);
        await messenger.ToOpsAsync(Notice(ticket, group, campaign, forOps: true, answerBy), Key(ticket, "opened:ops"), now, cancellationToken);
        return ticket;
    }

    public async Task<Ticket?> FindAsync(long ticketId, CancellationToken cancellationToken) =>
        await db.Tickets.Include(t => t.Lines).Include(t => t.Events).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);

    /// <summary>A leader or ops decides how the ticket is settled; the resident is asked to accept.</summary>
    public async Task<TicketCommandResult> DecideAsync(
        long ticketId, Resolution resolution, decimal? refundAmount, TicketActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var (ticket, refusal) = await AllowedAsync(ticketId, actor, cancellationToken);
        if (ticket is null)
        {
            return refusal!;
        }

        if (!ticket.CanDecide)
        {
            return new TicketCommandResult(TicketCommandOutcome.CannotDecide, ticket);
        }

        if (resolution.Kind == ResolutionKind.Refund && !ticket.IsRefundable(refundAmount ?? ticket.Paid))
        {
            return new TicketCommandResult(TicketCommandOutcome.BadAmount, ticket);
        }

        if (ticket.IsProposed(resolution, refundAmount))
        {
            // The same decision again (a retried request, a repeated command): the resident was asked once.
            return new TicketCommandResult(TicketCommandOutcome.Decided, ticket);
        }

        var now = resolution.DecidedAt;
        ticket.Decide(resolution, resolution.Kind == ResolutionKind.Refund ? refundAmount : null, actor.Id, now);
        var text = TextOf(ticket);
        await messenger.ToResidentAsync(
            ticket, new TicketProposalMessage(ticket.ResidentName, ticket.Number, text.Name, text.Amount, DueText(ticket), InGroup: ticket.ReplyChatId is not null), Key(ticket, "proposed"), now, cancellationToken);
        return new TicketCommandResult(TicketCommandOutcome.Decided, ticket);
    }

    /// <summary>The leader or ops carried the accepted resolution out; the follow-up is planned.</summary>
    public async Task<TicketCommandResult> MarkDoneAsync(long ticketId, TicketActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (ticket, refusal) = await AllowedAsync(ticketId, actor, cancellationToken);
        if (ticket is null)
        {
            return refusal!;
        }

        if (ticket.Status is TicketStatus.Done or TicketStatus.Closed)
        {
            return new TicketCommandResult(TicketCommandOutcome.AlreadyDone, ticket);
        }

        if (ticket.Status != TicketStatus.InProgress)
        {
            return new TicketCommandResult(TicketCommandOutcome.NotAccepted, ticket);
        }

        await CarryOutAsync(ticket, actor.Id, now, couponUntil: null, cancellationToken);
        return new TicketCommandResult(TicketCommandOutcome.Done, ticket);
    }

    /// <summary>
    /// The resident accepts. A refund is recorded now (paying it out is outside the bot); a
    /// coupon is issued at once, which also carries the resolution out.
    /// </summary>
    public async Task AcceptAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ticket.Accept(now);
        if (ticket.ResolutionKind == ResolutionKind.Refund)
        {
            await RecordRefundAsync(ticket, now, cancellationToken);
        }

        var text = TextOf(ticket);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == ticket.GroupId, cancellationToken);
        await messenger.ToResidentAsync(
            ticket, new TicketConfirmationMessage(ticket.ResidentName, ticket.Number, Accepted: true, text.Name, text.Amount, DueText(ticket)), Key(ticket, "accepted"), now, cancellationToken);
        await messenger.ToLeaderAsync(
            group, new TicketUpdateMessage(ticket.Number, ticket.ResidentName, "accepted", text.Name, text.Amount, null), Key(ticket, "accepted:leader"), now, cancellationToken);

        if (ticket.Resolution?.Compensation is CouponCompensation)
        {
            var expiresAt = coupons.ExpiryFor(now, zone);
            db.Add(new Coupon(ticket.ResidentId, CouponPurpose.AfterSales, CouponTerms.AfterSales, now, expiresAt));
            await CarryOutAsync(ticket, Ticket.Actors.Bot, now, CouponSettings.LastDay(expiresAt, zone), cancellationToken);
        }
    }

    /// <summary>The resident does not accept: the ticket is open again and goes to ops.</summary>
    public async Task DeclineAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var text = TextOf(ticket);
        var due = DueText(ticket);
        ticket.Decline(now);
        var (group, _) = await WhereAsync(ticket, cancellationToken);
        await messenger.ToResidentAsync(
            ticket, new TicketConfirmationMessage(ticket.ResidentName, ticket.Number, Accepted: false, text.Name, text.Amount, due), Key(ticket, "declined"), now, cancellationToken);
        await messenger.ToLeaderAsync(
            group, new TicketUpdateMessage(ticket.Number, ticket.ResidentName, "declined", text.Name, text.Amount, null), Key(ticket, "declined:leader"), now, cancellationToken);
        // The leader just heard it in the update above; only ops are told more.
        ticket.Escalate(now, "declined");
        await messenger.ToOpsAsync(Escalation(ticket, group, "declined", text), Key(ticket, "declined:ops"), now, cancellationToken);
    }

    public async Task RateAsync(Ticket ticket, int rating, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ticket.Rate(rating, now);
        var (group, _) = await WhereAsync(ticket, cancellationToken);
        var text = TextOf(ticket);
        await messenger.ToResidentAsync(ticket, new TicketRatedMessage(ticket.ResidentName, rating), Key(ticket, "rated"), now, cancellationToken);
        var update = new TicketUpdateMessage(ticket.Number, ticket.ResidentName, "rated", text.Name, text.Amount, rating);
        await messenger.ToLeaderAsync(group, update, Key(ticket, "rated:leader"), now, cancellationToken);
        if (rating <= 2)
        {
            // A low rating is a resident still unhappy: ops call them, as the rating message promises.
            await messenger.ToOpsAsync(update, Key(ticket, "rated:ops"), now, cancellationToken);
        }
    }

    /// <summary>Nobody answered within the hour: ops are told (once).</summary>
    public async Task EscalateUnansweredAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var (group, _) = await WhereAsync(ticket, cancellationToken);
        ticket.Escalate(now, "no_answer");
        await TellOpsAsync(group, Escalation(ticket, group, "no_answer", null), $"ticket:{ticket.Id}:no_answer", now, cancellationToken);
    }

    /// <summary>
    /// Past its deadline: a resolution not carried out, or one the resident never answered; ops
    /// are told once per decision.
    /// </summary>
    public async Task EscalateOverdueAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var (group, _) = await WhereAsync(ticket, cancellationToken);
        var text = TextOf(ticket);
        var reason = ticket.Status == TicketStatus.Proposed ? "unconfirmed" : "overdue";
        ticket.EscalateOverdue(now);
        await TellOpsAsync(group, Escalation(ticket, group, reason, text), $"ticket:{ticket.Id}:{reason}:{ticket.DecidedAt!.Value.ToUnixTimeMilliseconds()}", now, cancellationToken);
    }

    public async Task SendFollowUpAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var (_, campaign) = await WhereAsync(ticket, cancellationToken);
        ticket.FollowUpSent(now);
        await messenger.ToResidentAsync(ticket, new TicketFollowUpMessage(ticket.ResidentName, ticket.Number, campaign.Title, InGroup: ticket.ReplyChatId is not null), $"ticket:{ticket.Id}:follow-up", now, cancellationToken);
    }


    // Without an ops chat the leader is the one left to act, so the leader hears it instead.
    private async Task TellOpsAsync(Group group, TicketEscalationMessage message, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await messenger.ToOpsAsync(message, key, now, cancellationToken))
        {
            await messenger.ToLeaderAsync(group, message, key, now, cancellationToken);
        }
    }

    private async Task CarryOutAsync(Ticket ticket, string actor, DateTimeOffset now, DateOnly? couponUntil, CancellationToken cancellationToken)
    {
        var text = TextOf(ticket);
        ticket.MarkDone(actor, now, settings.FollowUpDelay);
        var until = couponUntil is { } day ? ChineseFormat.Day(day) : null;
        await messenger.ToResidentAsync(ticket, new TicketDoneMessage(ticket.ResidentName, ticket.Number, text.Name, text.Amount, until), Key(ticket, "done"), now, cancellationToken);
    }

    // The refund is spread over the complained-about lines in order, never more than each line cost.
    private async Task RecordRefundAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleAsync(o => o.Id == ticket.OrderId, cancellationToken);
        var left = ticket.RefundAmount ?? 0m;
        foreach (var line in ticket.Lines.OrderBy(l => l.ItemNo))
        {
            var amount = Math.Min(line.Amount, left);
            if (amount <= 0m)
            {
                break;
            }

            db.Add(new Refund(order, line.ItemNo, line.Quantity, amount, RefundReason.AfterSales, now));
            left -= amount;
        }
    }

    private async Task<(Ticket? Ticket, TicketCommandResult? Refusal)> AllowedAsync(long ticketId, TicketActor actor, CancellationToken cancellationToken)
    {
        var ticket = await FindAsync(ticketId, cancellationToken);
        if (ticket is null)
        {
            return (null, new TicketCommandResult(TicketCommandOutcome.NotFound, null));
        }

        if (!actor.IsOps)
        {
            var leads = await db.Groups.AnyAsync(
                g => g.Id == ticket.GroupId && g.Channel == actor.Channel && g.LeaderId == actor.Id, cancellationToken);
            if (!leads)
            {
                var own = ticket.Channel == actor.Channel && ticket.ResidentUserId == actor.Id;
                return (null, new TicketCommandResult(own ? TicketCommandOutcome.OwnTicket : TicketCommandOutcome.NotYours, ticket));
            }
        }

        return (ticket, null);
    }

    private async Task<(Group Group, Campaign Campaign)> WhereAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == ticket.GroupId, cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == ticket.CampaignId, cancellationToken);
        return (group, campaign);
    }

    private TicketNoticeMessage Notice(Ticket ticket, Group group, Campaign campaign, bool forOps, string answerBy) => new(
        ticket.Number,
        forOps,
        group.Name,
        group.LeaderName,
        ticket.ResidentName,
        IssueTypeNames.Of(ticket.Type),
        campaign.Title,
        [.. ticket.Lines.OrderBy(l => l.ItemNo).Select(l => OrderLineText.Line(l.ItemNo, l.Name, l.Quantity))],
        ticket.Description,
        ticket.Evidence.Count,
        answerBy,
        [.. ticket.Evidence.Where(e => e.StartsWith("https://", StringComparison.Ordinal) || e.StartsWith("http://", StringComparison.Ordinal))]);

    private TicketEscalationMessage Escalation(Ticket ticket, Group group, string reason, ResolutionText? text) => new(
        ticket.Number,
        reason,
        group.Name,
        group.LeaderName,
        ticket.ResidentName,
        IssueTypeNames.Of(ticket.Type),
        text?.Name,
        text?.Amount,
        ticket.DueAt is { } due ? ChineseFormat.DayAndTime(zone.ToLocal(due)) : null);

    private static ResolutionText TextOf(Ticket ticket) =>
        ResolutionText.Of(ticket.Resolution ?? throw new InvalidOperationException($"Ticket {ticket.Number} has no resolution."), ticket.RefundAmount ?? 0m);

    private string DueText(Ticket ticket) => ChineseFormat.DayAndTime(zone.ToLocal(ticket.DueAt!.Value));

    // Each message of a ticket's life has its own key; the event count tells a second decision
    // (after a decline) from the first.
    private static string Key(Ticket ticket, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"ticket:{ticket.Id}:{what}:{ticket.Events.Count}");
}
