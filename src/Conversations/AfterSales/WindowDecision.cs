namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Whether a request is inside its window. <see cref="Deadline"/> is the last moment it is
/// accepted, when one is known yet (a mistaken order's window ends at an arrival nobody can date).
/// </summary>
public sealed record WindowDecision(bool Accepted, WindowRefusal? Refusal, DateTimeOffset? Deadline)
{
    public static WindowDecision Accept(DateTimeOffset? deadline) => new(true, null, deadline);

    public static WindowDecision Refuse(WindowRefusal refusal, DateTimeOffset? deadline = null) => new(false, refusal, deadline);
}
