using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>Outside the type's window: why, kindly, and whom to talk to. Hours is the type's window after pickup (12 or 24). Reason is a code: too_late, already_shipped, not_picked_up_yet, cancel_instead, not_due_yet.</summary>
public sealed record AfterSalesOutsideWindowMessage(string Name, string Type, string Reason, string? Deadline, string? LeaderName, int Hours) : IMessageModel
{
    public static string TemplateName => "after-sales-outside-window";
}
