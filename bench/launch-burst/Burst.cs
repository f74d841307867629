using System.Globalization;
using GroupBuy.Testing;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// One launch minute: published single-item campaigns in N chats, then signed "+1" replies from
/// residents who each live in one of the chats, sent with a fixed number in flight. Measures the
/// webhook, the time until every reply is an order (read from the database), whether each reply
/// counted exactly once, and when each chat's acknowledgement reached the bridge.
/// </summary>
internal sealed class Burst(BurstSetup setup)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public async Task<BurstResult> RunAsync(CancellationToken cancellationToken)
    {
        var tag = "lb-" + Guid.NewGuid().ToString("N")[..8];
        var chats = Enumerable.Range(1, setup.Chats).Select(i => $"{tag}-c{i.ToString("000", CultureInfo.InvariantCulture)}").ToList();
        var hostUris = setup.Hosts.Select(h => h.BaseAddress).ToList();

        Console.WriteLine($"  setting up {setup.Chats} groups and published campaigns through the admin API …");
        using (var api = new AdminApi(hostUris[0], setup.ApiKey))
        {
            var campaigns = await api.SetUpChatsAsync(chats, publish: true, cancellationToken);
            await api.CheckPlusOneAsync(campaigns[0], chats[0], cancellationToken);
        }

        // The previews go out first; the burst starts once the outbox is quiet.
        await WaitUntilAsync(async () => (await setup.Database.WaitingAsync(cancellationToken)).PendingOutbound == 0, TimeSpan.FromMinutes(2), cancellationToken);

        var webhooks = Replies(tag, chats);
        var expected = webhooks.GroupBy(w => (w.ChatId, w.SenderId)).ToDictionary(g => g.Key, g => (long)g.Count());
        Console.WriteLine($"  sending {Fmt.I(webhooks.Count)} signed \"+1\" from {Fmt.I(expected.Count)} residents in {setup.Chats} chats, {setup.InFlight} in flight, to {setup.Hosts.Count} host(s) …");

        // Connections opened and the request path warmed on every host, with requests that store nothing.
        using var load = new Load(setup.InFlight);
        await WarmUpAsync(hostUris, load, cancellationToken);
        var forged = Enumerable.Range(0, 200 * hostUris.Count)
            .Select(n => Load.Webhook.Text($"{tag}-warm-{n}", chats[n % chats.Count], $"{tag}-warm", "预热", "+1")).ToList();
        await load.SendAsync(hostUris, forged, "not-the-secret", cancellationToken);

        var meter = new CpuMeter([.. setup.Hosts.Select(h => h.Pid)], setup.PostmasterPid);
        var cpuStart = meter.Take();
        var start = RunClock.Now;
        using var topCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var top = SampleTopAsync(Path.Combine(setup.Folder, "top.txt"), topCts.Token);

        var sent = await load.SendAsync(hostUris, webhooks, setup.Secret, cancellationToken);

        var sendEnd = sent.Max(s => s.AnsweredAt);
        var accepted = sent.Where(s => s.Status == 200).ToList();
        var refused = sent.Where(s => s.Status != 200).GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"  all answered after {Fmt.S(sendEnd - start)}: {Fmt.I(accepted.Count)} accepted" +
            (refused.Count == 0 ? string.Empty : ", others " + string.Join(", ", refused.Select(r => $"{r.Value}× status {r.Key}"))) +
            $"; waiting until every reply is processed (at most {setup.Timeout.TotalMinutes:0} min) …");

        // Until every accepted reply is processed (or set aside as failed): the moment the last order is stored.
        var acceptedExpected = accepted.GroupBy(s => (s.Webhook.ChatId, s.Webhook.SenderId)).ToDictionary(g => g.Key, g => (long)g.Count());
        BurstDatabase.InboxCounts counts;
        var lastProgress = RunClock.Now;
        long lastDone = -1;
        var timedOut = false;
        while (true)
        {
            counts = await setup.Database.InboxAsync(tag + "-m", cancellationToken);
            if (counts.Done >= accepted.Count && counts.Pending == 0)
            {
                break;
            }

            if (counts.Done != lastDone && RunClock.Now - lastProgress > TimeSpan.FromSeconds(15))
            {
                Console.WriteLine($"    {Fmt.I(counts.Done)} of {Fmt.I(accepted.Count)} processed after {Fmt.S(RunClock.Now - start)}");
                lastProgress = RunClock.Now;
                lastDone = counts.Done;
            }

            if (RunClock.Now - start > setup.Timeout)
            {
                timedOut = true;
                break;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }

        var done = RunClock.Now;
        var cpuEnd = meter.Take();
        TimeSpan? inboxAnalyzedAt = null;
        if (setup.Database.IsPostgres && await setup.Database.InboxAnalyzedSecondsAgoAsync(cancellationToken) is { } ago
            && done - TimeSpan.FromSeconds(ago) >= start)
        {
            inboxAnalyzedAt = done - TimeSpan.FromSeconds(ago) - start;
        }

        await topCts.CancelAsync();
        var topSample = await top;

        var orders = await setup.Database.OrdersAsync(tag + "-c", cancellationToken);
        var stored = orders.GroupBy(o => (o.ChatId, o.ResidentId)).ToDictionary(g => g.Key, g => g.ToList());
        var mismatched = acceptedExpected.Count(e => !stored.TryGetValue(e.Key, out var rows) || rows.Count != 1 || rows[0].Quantity != e.Value)
            + stored.Keys.Count(k => !acceptedExpected.ContainsKey(k));
        Console.WriteLine($"  {(timedOut ? "TIMED OUT" : "done")} after {Fmt.S(done - start)}: {Fmt.I(counts.Processed)} processed, {Fmt.I(counts.Failed)} failed, {Fmt.I(counts.Pending)} pending; " +
            $"{Fmt.I(orders.Count)} orders (expected {Fmt.I(acceptedExpected.Count)}), quantity {Fmt.I(orders.Sum(o => o.Quantity))} (expected {Fmt.I(accepted.Count)})");

        // Acknowledgements: wait until none is collecting or waiting in the outbox, then read the sink.
        var acksSettled = !timedOut && await WaitUntilAsync(
            async () => await setup.Database.WaitingAsync(cancellationToken) is (0, 0),
            TimeSpan.FromMinutes(5),
            cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        var acks = Acks(accepted, setup.Sink.Arrivals.Where(a => a.IsAck && a.ChatId is not null && a.ChatId.StartsWith(tag, StringComparison.Ordinal)).ToList(), chats);

        return new BurstResult(
            setup.Name,
            webhooks.Count,
            setup.Chats,
            expected.Count,
            setup.Hosts.Count,
            accepted.Count,
            refused,
            sendEnd - start,
            new Latencies([.. sent.Select(s => s.Milliseconds)]),
            timedOut,
            done - start,
            counts,
            orders.Count,
            acceptedExpected.Count,
            orders.Sum(o => o.Quantity),
            mismatched,
            acks with { Settled = acksSettled },
            setup.AckTarget,
            CpuMeter.Describe(cpuStart, cpuEnd),
            topSample,
            setup.Database.IsPostgres ? (inboxAnalyzedAt is { } at ? $"autovacuum at {Fmt.S(at)}" : "not during the burst") : "n/a");
    }

    /// <summary>
    /// A host that has been up since the morning has its processing path compiled and its pools
    /// filled; a fresh one spends much of a burst JIT-compiling (dotnet-counters showed about 2 s of
    /// JIT in every 5 s). So real replies in chats of their own are processed and acknowledged on
    /// every host before the measured burst starts, in rounds until the runtime has recompiled what
    /// they made hot; they are not counted in the burst.
    /// </summary>
    private async Task WarmUpAsync(IReadOnlyList<Uri> hostUris, Load load, CancellationToken cancellationToken)
    {
        const int WarmUpChats = 4;
        const int MaxWarmUpRounds = 5;
        var quietRound = TimeSpan.FromSeconds(0.2);
        var replies = 200 * hostUris.Count;
        var tag = "lbw-" + Guid.NewGuid().ToString("N")[..8];
        var chats = Enumerable.Range(1, WarmUpChats).Select(i => $"{tag}-c{i}").ToList();
        using (var api = new AdminApi(hostUris[0], setup.ApiKey))
        {
            await api.SetUpChatsAsync(chats, publish: true, cancellationToken);
        }

        // Rounds until one leaves (almost) nothing to recompile: each round makes more of the burst's
        // path hot, and the runtime recompiles what became hot (tiered compilation, in the
        // background; measured with perf, over a third of the host's CPU in a burst started at once).
        var meter = new CpuMeter([.. setup.Hosts.Select(h => h.Pid)], null);
        for (var round = 1; round <= MaxWarmUpRounds; round++)
        {
            var before = meter.Recompiling();
            var webhooks = Enumerable.Range(0, replies)
                .Select(n => Load.Webhook.Text($"{tag}-m{round}-{n}", chats[n % WarmUpChats], $"{tag}-r{n % 80}", $"预热{n % 80}", "+1"))
                .ToList();
            await load.SendAsync(hostUris, webhooks, setup.Secret, cancellationToken);
            await WaitUntilAsync(
                async () => await setup.Database.InboxAsync($"{tag}-m{round}-", cancellationToken) is { Pending: 0 } counts && counts.Done >= replies,
                TimeSpan.FromMinutes(5),
                cancellationToken);
            await WaitUntilAsync(async () => await setup.Database.WaitingAsync(cancellationToken) is (0, 0), TimeSpan.FromMinutes(2), cancellationToken);
            await meter.WaitUntilRecompiledAsync(TimeSpan.FromSeconds(60), cancellationToken);
            var recompiling = meter.Recompiling() - before;
            Console.WriteLine($"  warming up, round {round}: {Fmt.I(replies)} replies in {WarmUpChats} chats of their own, processed and acknowledged; {Fmt.S(recompiling)} of recompiling during and after it");
            if (recompiling < quietRound)
            {
                break;
            }
        }
    }

    /// <summary>
    /// The replies: every resident says "+1" at least once in their own chat, the rest of the replies
    /// go to residents drawn at random (so many say it twice or more), all shuffled so chats interleave.
    /// The draw is seeded: the same sizes give the same burst.
    /// </summary>
    private List<Load.Webhook> Replies(string tag, IReadOnlyList<string> chats)
    {
        var random = new Random(13);
        var residents = new int[setup.Replies];
        for (var n = 0; n < residents.Length; n++)
        {
            residents[n] = n < setup.Residents ? n : random.Next(setup.Residents);
        }

        random.Shuffle(residents);
        return [.. residents.Select((r, n) => Load.Webhook.Text(
            $"{tag}-m{n}",
            chats[r % chats.Count],
            $"{tag}-r{r}",
            $"居民{r}",
            "+1"))];
    }

    /// <summary>For each chat: the last acknowledgement's arrival after that chat's last reply was answered 200.</summary>
    private static AckTimes Acks(IReadOnlyList<Load.Sent> accepted, IReadOnlyList<BridgeSink.Arrival> acks, IReadOnlyList<string> chats)
    {
        var lastReply = accepted.GroupBy(s => s.Webhook.ChatId).ToDictionary(g => g.Key, g => g.Max(s => s.AnsweredAt));
        var lags = new List<double>();
        var missing = 0;
        foreach (var chat in chats)
        {
            if (!lastReply.TryGetValue(chat, out var replied))
            {
                continue;
            }

            var last = acks.Where(a => a.ChatId == chat).Select(a => (TimeSpan?)a.At).Max();
            if (last is null || last < replied)
            {
                missing++;
                continue;
            }

            lags.Add((last.Value - replied).TotalSeconds);
        }

        return new AckTimes(acks.Count, lags, missing, Settled: false);
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = RunClock.Now + timeout;
        while (RunClock.Now < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }

        return false;
    }

    /// <summary>`top -b -n 1` every 10 s while the burst is being processed, into a file; the first sample comes back.</summary>
    private static async Task<string> SampleTopAsync(string file, CancellationToken cancellationToken)
    {
        string? first = null;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await ProcessRunner.RunAsync("top", ["-b", "-n", "1", "-w", "160"], TimeSpan.FromSeconds(10));
                var lines = string.Join('\n', result.StandardOutput.Split('\n').Take(16));
                first ??= lines;
                await File.AppendAllTextAsync(file, $"--- at {RunClock.Now.TotalSeconds:0} s of the run\n{lines}\n", cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or TimeoutException or IOException)
        {
            first ??= $"(top could not be sampled: {ex.Message})";
        }

        return first ?? "(the burst was over before top was sampled)";
    }
}

/// <summary>What a burst needs: where to send, what to read, and its sizes.</summary>
internal sealed record BurstSetup(
    string Name,
    IReadOnlyList<HostProcess> Hosts,
    BurstDatabase Database,
    BridgeSink Sink,
    string Secret,
    string ApiKey,
    int Replies,
    int Chats,
    int Residents,
    int InFlight,
    TimeSpan Timeout,
    TimeSpan AckTarget,
    int? PostmasterPid,
    string Folder);

internal sealed record AckTimes(int Received, IReadOnlyList<double> LagSeconds, int ChatsWithoutAck, bool Settled)
{
    public double Worst => LagSeconds.Count == 0 ? double.NaN : LagSeconds.Max();

    public double Median => LagSeconds.Count == 0 ? double.NaN : new Latencies(LagSeconds).Percentile(50);
}

internal sealed record BurstResult(
    string Name,
    int Replies,
    int Chats,
    int Residents,
    int Hosts,
    int Accepted,
    IReadOnlyDictionary<int, int> Refused,
    TimeSpan SendTime,
    Latencies Webhook,
    bool TimedOut,
    TimeSpan UntilLastOrder,
    BurstDatabase.InboxCounts Inbox,
    int OrdersStored,
    int OrdersExpected,
    long QuantityStored,
    int MismatchedOrders,
    AckTimes Acks,
    TimeSpan AckTarget,
    string Cpu,
    string Top,
    string InboxAnalyzed)
{
    public double AcceptedPerSecond => Accepted / SendTime.TotalSeconds;

    /// <summary>Replies turned into orders per second, from the first reply until the last order was stored.</summary>
    public double PipelinePerSecond => Inbox.Processed / UntilLastOrder.TotalSeconds;

    /// <summary>Every reply counted exactly once: processed rows = replies accepted, one order per resident and chat with as many as they asked for.</summary>
    public bool ExactlyOnce => !TimedOut && Inbox.Processed == Accepted && Inbox.Failed == 0 && Inbox.Pending == 0
        && Inbox.Distinct == Accepted && OrdersStored == OrdersExpected && QuantityStored == Accepted && MismatchedOrders == 0;
}
