using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>A pickup reminder to the group, the residents who have not collected @-mentioned with their codes.</summary>
public sealed record PickupReminderMessage(string Title, string PickupPoint, IReadOnlyList<PickupEntry> Entries) : IMessageModel
{
    public static string TemplateName => "pickup-reminder";
}
