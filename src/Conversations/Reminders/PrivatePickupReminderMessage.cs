using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Reminders;

/// <summary>A pickup reminder to one resident in a private chat: what, where, their code; <see cref="Again"/> for the next morning's.</summary>
public sealed record PrivatePickupReminderMessage(string Name, string Title, string PickupPoint, string? PickupCode, IReadOnlyList<string> Lines, bool Again) : IMessageModel
{
    public static string TemplateName => "pickup-reminder-private";
}
