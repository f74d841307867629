namespace GroupBuy.BotHost.AfterSales;

/// <summary>
/// Body of <c>POST /api/tickets/{id}/resolution</c>. Kind refund, exchange or compensation; amount
/// is a refund's yuan (all that was paid when null) or a compensation's cash (5–10); coupon true
/// gives the 满20减3 coupon instead of cash.
/// </summary>
internal sealed record ResolutionRequest(string? Kind, decimal? Amount, bool? Coupon);
