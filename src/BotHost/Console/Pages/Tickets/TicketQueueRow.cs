using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.PickLists;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>A ticket in the queue: who, where, what about, how old, and its next deadline (null when none runs).</summary>
public sealed record TicketQueueRow(
    long Id,
    string Number,
    TicketStatus Status,
    string ResidentName,
    string GroupName,
    long CampaignId,
    string CampaignTitle,
    IReadOnlyList<ItemQuantity> Lines,
    IssueType Type,
    DateTimeOffset CreatedAt,
    TicketDeadline? Deadline);
