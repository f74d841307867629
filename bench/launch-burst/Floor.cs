namespace GroupBuy.LaunchBurst;

/// <summary>
/// The floor: the webhook refusing forged signatures (read the body, verify, 401, nothing stored),
/// the least any request costs the host.
/// </summary>
internal static class Floor
{
    public static async Task<FloorResult> RunAsync(Uri host, BurstDatabase database, int requests, int inFlight, CancellationToken cancellationToken)
    {
        var tag = "lb-forged-" + Guid.NewGuid().ToString("N")[..8];
        List<Load.Webhook> Forged(string prefix, int count) => [.. Enumerable.Range(0, count)
            .Select(n => Load.Webhook.Text($"{prefix}-m{n}", $"{prefix}-c{n % 20}", $"{prefix}-r{n % 500}", "冒充者", "+1"))];

        using var load = new Load(inFlight);
        // Connections opened and code warmed before the measured run.
        await load.SendAsync([host], Forged(tag + "-warm", Math.Min(500, requests)), "not-the-secret", cancellationToken);

        var webhooks = Forged(tag, requests);
        var start = RunClock.Now;
        var sent = await load.SendAsync([host], webhooks, "not-the-secret", cancellationToken);
        var elapsed = sent.Max(s => s.AnsweredAt) - start;
        var stored = (await database.InboxAsync(tag, cancellationToken)).Stored;
        return new FloorResult(
            requests,
            sent.Count(s => s.Status == 401),
            requests / elapsed.TotalSeconds,
            new Latencies([.. sent.Select(s => s.Milliseconds)]),
            stored);
    }
}

internal sealed record FloorResult(int Requests, int Refused401, double RequestsPerSecond, Latencies Latency, long Stored);
