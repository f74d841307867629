namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A settlement decided at <see cref="DecidedAt"/>; <see cref="DueAt"/> is when it must be carried
/// out. Compensation says what is given and only a compensation has one.
/// </summary>
public sealed record Resolution
{
    public Resolution(ResolutionKind kind, DateTimeOffset decidedAt, Compensation? compensation = null)
    {
        if ((kind == ResolutionKind.Compensation) != (compensation is not null))
        {
            throw new ArgumentException("A compensation names what it gives; a refund or exchange gives nothing else.", nameof(compensation));
        }

        Kind = kind;
        DecidedAt = decidedAt;
        Compensation = compensation;
    }

    public ResolutionKind Kind { get; }

    public DateTimeOffset DecidedAt { get; }

    public Compensation? Compensation { get; }

    public DateTimeOffset DueAt => ResolutionDeadlines.DueAt(Kind, DecidedAt);

    public bool IsOverdue(DateTimeOffset now) => now > DueAt;
}
