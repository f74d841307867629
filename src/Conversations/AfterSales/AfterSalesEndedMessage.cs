using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>The intake ended without a ticket: cancelled, or 30 minutes of silence.</summary>
public sealed record AfterSalesEndedMessage(string Name, bool TimedOut) : IMessageModel
{
    public static string TemplateName => "after-sales-ended";
}
