using GroupBuy.Conversations.PickLists;

namespace GroupBuy.BotHost.Console.Pages;

/// <summary>An order placed in the last hour, for 今日.</summary>
public sealed record RecentOrder(long CampaignId, string CampaignTitle, string GroupName, string ResidentName, IReadOnlyList<ItemQuantity> Lines, decimal Total, DateTimeOffset CreatedAt);
