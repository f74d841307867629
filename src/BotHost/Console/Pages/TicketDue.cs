using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.BotHost.Console.Pages;

/// <summary>A ticket and its next deadline: the first answer, or the resolution's.</summary>
public sealed record TicketDue(Ticket Ticket, bool FirstAnswer, DateTimeOffset DueAt);
