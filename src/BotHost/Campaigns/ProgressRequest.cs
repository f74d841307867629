namespace GroupBuy.BotHost.Campaigns;

/// <summary>Body of <c>POST /api/campaigns/{id}/progress</c>: which supply stage to tell the groups about.</summary>
internal sealed record ProgressRequest(string? Stage);
