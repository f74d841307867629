namespace GroupBuy.BotHost.AfterSales;

/// <summary>Why a ticket command was refused: the API's problem title and detail, and the console's words.</summary>
internal sealed record TicketRefusal(string Title, string Detail, string InChinese);
