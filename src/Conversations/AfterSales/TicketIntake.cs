namespace GroupBuy.Conversations.AfterSales;

/// <summary>What an intake dialog gathered, ready to become a <see cref="Ticket"/>.</summary>
public sealed record TicketIntake(
    string Channel,
    long ResidentId,
    string ResidentUserId,
    string ResidentName,
    string? ReplyChatId,
    long GroupId,
    long OrderId,
    long CampaignId,
    IssueType Type,
    IReadOnlyList<TicketLine> Lines,
    decimal Paid,
    IReadOnlyList<string> Evidence,
    string Description);
