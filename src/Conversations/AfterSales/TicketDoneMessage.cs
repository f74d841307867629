using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>To the resident: the resolution was carried out.</summary>
public sealed record TicketDoneMessage(string Name, string Number, string Resolution, string? Amount, string? CouponUntil) : IMessageModel
{
    public static string TemplateName => "ticket-done";
}
