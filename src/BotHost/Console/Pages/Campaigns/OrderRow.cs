using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.PickLists;

namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>One resident's order in one chat, as the campaign page lists it.</summary>
public sealed record OrderRow(
    string GroupName,
    string Channel,
    string ResidentName,
    IReadOnlyList<ItemQuantity> Lines,
    decimal Total,
    decimal Payable,
    OrderStatus Status,
    string? PickupCode);
