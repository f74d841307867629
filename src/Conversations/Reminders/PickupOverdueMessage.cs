using GroupBuy.Conversations.Leaders;
using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Reminders;

/// <summary>To the leader, two days after 到货: who has still not collected, so they can call or keep the goods safe.</summary>
public sealed record PickupOverdueMessage(string LeaderName, string Title, int Hours, IReadOnlyList<PickupEntry> Waiting) : IMessageModel
{
    public static string TemplateName => "pickup-overdue";
}
