using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>One resident's order in one chat, with the chat and the resident it belongs to.</summary>
internal sealed record CampaignOrder(Order Order, Group Group, Resident Resident);
