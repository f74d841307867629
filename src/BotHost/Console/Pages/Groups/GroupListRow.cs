using GroupBuy.Conversations.Groups;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>A registered group in the list, with the campaigns taking orders in it now.</summary>
public sealed record GroupListRow(Group Group, IReadOnlyList<GroupCampaign> TakingOrders);
