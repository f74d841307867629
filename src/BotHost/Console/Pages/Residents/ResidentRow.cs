using GroupBuy.Conversations.Segments;

namespace GroupBuy.BotHost.Console.Pages.Residents;

/// <summary>A resident in a segment's list: the segment's figures and their order history.</summary>
/// <param name="LastOrderAt">The latest order that was not cancelled; null when there is none.</param>
/// <param name="OrderCount">Orders ever placed and not cancelled.</param>
public sealed record ResidentRow(SegmentedResident Resident, DateTimeOffset? LastOrderAt, int OrderCount);
