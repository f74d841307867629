namespace GroupBuy.Conversations.AfterSales;

/// <summary>How long each resolution may take once decided, and the first-answer SLA of an intake.</summary>
public static class ResolutionDeadlines
{
    public static readonly TimeSpan Refund = TimeSpan.FromHours(24);

    public static readonly TimeSpan Exchange = TimeSpan.FromDays(3);

    // The rules give no time for compensation; a coupon or 5–10 元 is as quick to hand out as a
    // refund, so it gets the refund's 24 h rather than no deadline at all.
    public static readonly TimeSpan Compensation = TimeSpan.FromHours(24);

    /// <summary>A leader or support answers a new intake within this time, else it escalates to ops.</summary>
    public static readonly TimeSpan FirstAnswer = TimeSpan.FromHours(1);

    public static TimeSpan Allowed(ResolutionKind kind) => kind switch
    {
        ResolutionKind.Refund => Refund,
        ResolutionKind.Exchange => Exchange,
        ResolutionKind.Compensation => Compensation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown resolution kind."),
    };

    public static DateTimeOffset DueAt(ResolutionKind kind, DateTimeOffset decidedAt) => decidedAt + Allowed(kind);

    public static DateTimeOffset FirstAnswerDueAt(DateTimeOffset intakeAt) => intakeAt + FirstAnswer;

    // Due times are inclusive, like the windows: an answer at exactly one hour is in time.
    public static bool IsFirstAnswerOverdue(DateTimeOffset intakeAt, DateTimeOffset now) => now > FirstAnswerDueAt(intakeAt);
}
