using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>A checked resolution and, for a refund, the amount asked (null: all that was paid).</summary>
internal sealed record TicketDecision(Resolution Resolution, decimal? RefundAmount);
