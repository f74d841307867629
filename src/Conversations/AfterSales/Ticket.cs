using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// An after-sales case (工单) taken in by chat: whose, which order and lines, what kind of problem,
/// the evidence and the resident's words, and how it is being settled. Status changes go through
/// the methods here, each adding a history entry, so the history cannot disagree with the status.
/// </summary>
public sealed class Ticket : IVersioned
{
    private readonly List<TicketLine> lines = [];
    private readonly List<TicketEvent> events = [];

    private Ticket()
    {
        Channel = ResidentUserId = ResidentName = Description = string.Empty;
    }

    public Ticket(TicketIntake intake, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentException.ThrowIfNullOrWhiteSpace(intake.Description);
        if (intake.Lines.Count == 0)
        {
            throw new ArgumentException("A ticket is about some goods: give the order's lines.", nameof(intake));
        }

        Channel = intake.Channel;
        ResidentId = intake.ResidentId;
        ResidentUserId = intake.ResidentUserId;
        ResidentName = intake.ResidentName;
        ReplyChatId = intake.ReplyChatId;
        GroupId = intake.GroupId;
        OrderId = intake.OrderId;
        CampaignId = intake.CampaignId;
        Type = intake.Type;
        Evidence = [.. intake.Evidence];
        Description = intake.Description.Trim();
        Paid = intake.Paid;
        lines.AddRange(intake.Lines);
        CreatedAt = at;
        FirstAnswerDueAt = ResolutionDeadlines.FirstAnswerDueAt(at);
        Move(TicketStatus.Open, at, intake.ResidentUserId, "taken in by chat");
    }

    public long Id { get; private set; }

    /// <summary>"T1024": how people name it in chat commands.</summary>
    public string Number => TicketNumber.Of(Id);

    public string Channel { get; private set; }

    public long ResidentId { get; private set; }

    public string ResidentUserId { get; private set; }

    public string ResidentName { get; private set; }

    /// <summary>Where the resident is answered: null for a private chat, else the group (with an @-mention).</summary>
    public string? ReplyChatId { get; private set; }

    public long GroupId { get; private set; }

    public long OrderId { get; private set; }

    public long CampaignId { get; private set; }

    public IssueType Type { get; private set; }

    /// <summary>References to what the resident sent: image addresses or message ids, order numbers.</summary>
    public List<string> Evidence { get; private set; } = [];

    public string Description { get; private set; }

    /// <summary>What the resident paid for the order (goods less any coupon): the most a refund gives back.</summary>
    public decimal Paid { get; private set; }

    public TicketStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset FirstAnswerDueAt { get; private set; }

    /// <summary>When the leader or ops first decided something; null while nobody has.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>When ops were told that nobody answered in time.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    public ResolutionKind? ResolutionKind { get; private set; }

    /// <summary>What a refund gives back: all that was paid unless the decision named less.</summary>
    public decimal? RefundAmount { get; private set; }

    /// <summary>The cash of a cash compensation; null for the coupon and for the other resolutions.</summary>
    public decimal? CompensationCash { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>When the decided resolution must be carried out.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>When ops were told the resolution is late.</summary>
    public DateTimeOffset? OverdueEscalatedAt { get; private set; }

    public DateTimeOffset? FollowUpDueAt { get; private set; }

    public DateTimeOffset? FollowUpSentAt { get; private set; }

    /// <summary>The resident's 1–5 rating in the follow-up.</summary>
    public int? Rating { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyCollection<TicketLine> Lines => lines;

    public IReadOnlyCollection<TicketEvent> Events => events;

    public decimal Total => lines.Sum(l => l.Amount);

    public Resolution? Resolution => ResolutionKind is { } kind && DecidedAt is { } decidedAt
        ? new Resolution(kind, decidedAt, kind == AfterSales.ResolutionKind.Compensation ? CompensationOf(CompensationCash) : null)
        : null;

    /// <summary>A decision can be made, or changed, until the resident has accepted one.</summary>
    public bool CanDecide => Status is TicketStatus.Open or TicketStatus.Proposed;

    /// <summary>Being dealt with: a second intake about the same order would only duplicate it.</summary>
    public bool IsUnderWay => Status is TicketStatus.Open or TicketStatus.Proposed or TicketStatus.InProgress;

    /// <summary>True when <paramref name="resolution"/> is what was already proposed (a repeated command changes nothing).</summary>
    public bool IsProposed(Resolution resolution, decimal? refundAmount) =>
        Status == TicketStatus.Proposed && ResolutionKind == resolution.Kind
        && CompensationCash == (resolution.Compensation as CashCompensation)?.Yuan
        && (resolution.Kind != AfterSales.ResolutionKind.Refund || RefundAmount == (refundAmount ?? Paid));

    /// <summary>
    /// The next deadline someone must meet, as the after-sales timers escalate them: the first
    /// answer while nobody has answered an open ticket, then the resolution's (the resident's
    /// acceptance while proposed, the carrying out once accepted). Null when none runs: carried
    /// out, closed, or open again after the resident declined (it went to ops at once).
    /// </summary>
    public DateTimeOffset? NextDueAt => Status switch
    {
        TicketStatus.Open when AnsweredAt is null => FirstAnswerDueAt,
        TicketStatus.Proposed or TicketStatus.InProgress => DueAt,
        _ => null,
    };

    /// <summary>True while <see cref="NextDueAt"/> is the first answer rather than a resolution's deadline.</summary>
    public bool AwaitsFirstAnswer => Status == TicketStatus.Open && AnsweredAt is null;

    public bool IsAwaitingFollowUpAnswer => Status == TicketStatus.Done && FollowUpSentAt is not null && Rating is null;

    /// <summary>
    /// Decides (or changes, before the resident accepted) how the ticket is settled. A refund gives
    /// back <paramref name="refundAmount"/>, or everything paid when that is null.
    /// </summary>
    public void Decide(Resolution resolution, decimal? refundAmount, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        EnsureIn(nameof(Decide), TicketStatus.Open, TicketStatus.Proposed);
        if (resolution.Kind == AfterSales.ResolutionKind.Refund)
        {
            var amount = refundAmount ?? Paid;
            if (!IsRefundable(amount))
            {
                throw new ArgumentOutOfRangeException(nameof(refundAmount), amount, $"A refund is more than 0 and at most the {Paid} paid.");
            }

            RefundAmount = amount;
        }
        else if (refundAmount is not null)
        {
            throw new ArgumentException("Only a refund has a refund amount.", nameof(refundAmount));
        }
        else
        {
            RefundAmount = null;
        }

        ResolutionKind = resolution.Kind;
        CompensationCash = (resolution.Compensation as CashCompensation)?.Yuan;
        DecidedAt = resolution.DecidedAt;
        DecidedBy = actor;
        DueAt = resolution.DueAt;
        AnsweredAt ??= at;
        OverdueEscalatedAt = null;
        Move(TicketStatus.Proposed, at, actor, $"decided: {Describe(resolution)}");
    }

    /// <summary>
    /// The resident accepts; the deadline runs from now, since nobody could act on the
    /// resolution while the resident had not said yes.
    /// </summary>
    public void Accept(DateTimeOffset at)
    {
        EnsureIn(nameof(Accept), TicketStatus.Proposed);
        AcceptedAt = at;
        DueAt = ResolutionDeadlines.DueAt(ResolutionKind!.Value, at);
        Move(TicketStatus.InProgress, at, ResidentUserId, "accepted by the resident");
    }

    /// <summary>The resident does not accept: back to open, for someone to decide again.</summary>
    public void Decline(DateTimeOffset at)
    {
        EnsureIn(nameof(Decline), TicketStatus.Proposed);
        ResolutionKind = null;
        RefundAmount = null;
        CompensationCash = null;
        DecidedAt = null;
        DecidedBy = null;
        DueAt = null;
        OverdueEscalatedAt = null;
        Move(TicketStatus.Open, at, ResidentUserId, "declined by the resident");
    }

    public void MarkDone(string actor, DateTimeOffset at, TimeSpan followUpDelay)
    {
        EnsureIn(nameof(MarkDone), TicketStatus.InProgress);
        DoneAt = at;
        FollowUpDueAt = at + followUpDelay;
        Move(TicketStatus.Done, at, actor, "carried out");
    }

    public void Escalate(DateTimeOffset at, string reason)
    {
        EscalatedAt = at;
        events.Add(new TicketEvent(Status, at, Actors.Bot, $"escalated to ops: {reason}"));
    }

    public void EscalateOverdue(DateTimeOffset at)
    {
        OverdueEscalatedAt = at;
        events.Add(new TicketEvent(Status, at, Actors.Bot, "escalated to ops: resolution overdue"));
    }

    public void FollowUpSent(DateTimeOffset at)
    {
        EnsureIn(nameof(FollowUpSent), TicketStatus.Done);
        FollowUpSentAt = at;
        events.Add(new TicketEvent(Status, at, Actors.Bot, "follow-up sent"));
    }

    public void Rate(int rating, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        EnsureIn(nameof(Rate), TicketStatus.Done);
        Rating = rating;
        RatedAt = at;
        ClosedAt = at;
        Move(TicketStatus.Closed, at, ResidentUserId, $"rated {rating}");
    }

    /// <summary>Nobody answered the follow-up: the ticket closes without a rating.</summary>
    public void CloseUnrated(DateTimeOffset at)
    {
        EnsureIn(nameof(CloseUnrated), TicketStatus.Done);
        ClosedAt = at;
        Move(TicketStatus.Closed, at, Actors.Bot, "follow-up unanswered");
    }

    public bool IsRefundable(decimal amount) => amount > 0m && amount <= Paid && decimal.Round(amount, 2) == amount;

    public bool IsOverdue(DateTimeOffset now) =>
        Status is TicketStatus.Proposed or TicketStatus.InProgress && DueAt is { } due && now > due;

    private static Compensation CompensationOf(decimal? cash) => cash is { } yuan ? new CashCompensation(yuan) : CouponCompensation.Standard;

    private static string Describe(Resolution resolution) => resolution.Compensation switch
    {
        CashCompensation cash => $"compensation {cash.Yuan:0.##} yuan",
        CouponCompensation => "compensation coupon",
        _ => resolution.Kind.ToString().ToLowerInvariant(),
    };

    private void EnsureIn(string action, params TicketStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Ticket {Number} is {Status}; {action} needs {string.Join(" or ", allowed)}.");
        }
    }

    private void Move(TicketStatus status, DateTimeOffset at, string actor, string note)
    {
        Status = status;
        events.Add(new TicketEvent(status, at, actor, note));
    }

    /// <summary>Who did something, when it was not a person.</summary>
    public static class Actors
    {
        public const string Bot = "bot";

        public const string Ops = "ops";
    }
}
