namespace GroupBuy.BotHost.Campaigns;

/// <summary>What <c>POST /api/campaigns/{id}/progress</c> did: notices queued now, and those an earlier call had queued.</summary>
internal sealed record ProgressResponse(long Id, string Stage, int Queued, int AlreadyQueued, IReadOnlyList<string> Warnings);
