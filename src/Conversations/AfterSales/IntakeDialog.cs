using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A resident's after-sales intake in progress, stored after every answer so that it survives a
/// restart. At most one is open per resident (a filtered unique index), and
/// <see cref="LastActivityAt"/> lets the sweep end it after 30 minutes of silence.
/// </summary>
public sealed class IntakeDialog : IVersioned
{
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(30);

    private IntakeDialog()
    {
        Channel = ResidentUserId = ResidentName = string.Empty;
    }

    public IntakeDialog(
        string channel,
        long residentId,
        string residentUserId,
        string residentName,
        string? chatId,
        long? groupId,
        IReadOnlyList<long> orderChoices,
        IssueType? suggestedType,
        DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentUserId);
        if (orderChoices.Count == 0)
        {
            throw new ArgumentException("An intake is about an order; none was given.", nameof(orderChoices));
        }

        Channel = channel;
        ResidentId = residentId;
        ResidentUserId = residentUserId;
        ResidentName = residentName;
        ChatId = chatId;
        GroupId = groupId;
        OrderChoices = [.. orderChoices];
        Type = suggestedType;
        StartedAt = at;
        LastActivityAt = at;
        Step = IntakeStep.ChooseOrder;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public long ResidentId { get; private set; }

    public string ResidentUserId { get; private set; }

    public string ResidentName { get; private set; }

    /// <summary>Where the dialog is held: null for the private chat, else the group (answers @-mention the resident).</summary>
    public string? ChatId { get; private set; }

    /// <summary>The group it started in, if any.</summary>
    public long? GroupId { get; private set; }

    public IntakeStep Step { get; private set; }

    /// <summary>The recent orders offered, newest first; the resident answers with a number.</summary>
    public List<long> OrderChoices { get; private set; } = [];

    public long? OrderId { get; private set; }

    public IssueType? Type { get; private set; }

    public List<string> Evidence { get; private set; } = [];

    /// <summary>The resident said they have no evidence to send; the ticket goes on without.</summary>
    public bool WithoutEvidence { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public IntakeOutcome? Outcome { get; private set; }

    public long? TicketId { get; private set; }

    public int Version { get; set; }

    public bool IsOpen => EndedAt is null;

    public bool IsPrivate => ChatId is null;

    public bool IsSilentAt(DateTimeOffset now) => IsOpen && now - LastActivityAt >= Silence;

    public void Heard(DateTimeOffset at)
    {
        if (at > LastActivityAt)
        {
            LastActivityAt = at;
        }
    }

    public void ChooseOrder(long orderId)
    {
        if (!OrderChoices.Contains(orderId))
        {
            throw new ArgumentException("Only an order that was offered can be chosen.", nameof(orderId));
        }

        OrderId = orderId;
    }

    public void ChooseType(IssueType type) => Type = type;

    public void AddEvidence(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (!Evidence.Contains(reference))
        {
            Evidence.Add(reference);
        }
    }

    public void GoWithoutEvidence() => WithoutEvidence = true;

    public void Describe(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Description = description.Trim();
    }

    public void MoveTo(IntakeStep step) => Step = step;

    public void End(IntakeOutcome outcome, DateTimeOffset at, long? ticketId = null)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Intake {Id} already ended ({Outcome}).");
        }

        Outcome = outcome;
        EndedAt = at;
        TicketId = ticketId;
    }
}
