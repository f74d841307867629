using System.Globalization;
using System.Runtime.InteropServices;

namespace GroupBuy.LaunchBurst;

/// <summary>The machine the figures came from: cores, CPU model, memory, OS and .NET.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var model = Read("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = Read("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memoryText = memory is not null && long.TryParse(memory.Split(' ')[0], CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GB RAM"
            : "RAM unknown";
        return string.Create(CultureInfo.InvariantCulture, $"nproc {Environment.ProcessorCount}, {model}, {memoryText}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}

/// <summary>Everything measured in the run, printed as one table at the end.</summary>
internal sealed class Report
{
    public string Machine { get; set; } = string.Empty;

    public string? Postgres { get; set; }

    public string? PostgresSettings { get; set; }

    public CeilingResult? Ceiling { get; set; }

    public FloorResult? Floor { get; set; }

    public List<BurstResult> Bursts { get; } = [];

    public List<string> Failures { get; } = [];

    public void Print(Options options)
    {
        var w = Console.Out;
        w.WriteLine();
        w.WriteLine("================================ launch burst ================================");
        w.WriteLine($"machine:    {Machine}");
        if (Postgres is not null)
        {
            w.WriteLine($"PostgreSQL: {Postgres} ({PostgresSettings})");
        }

        w.WriteLine($"load:       {options.InFlight} requests in flight (HttpClient, SocketsHttpHandler); latencies per request, nearest-rank percentiles");
        w.WriteLine();
        w.WriteLine("| measure | result |");
        w.WriteLine("|---|---:|");
        w.WriteLine(Ceiling is { } c
            ? $"| ceiling: raw order statement under pgbench, {c.Clients} clients, fsync on ({Fmt.I(c.Transactions)} transactions) | **{Fmt.N(c.OrdersPerSecond)} orders/s** (latency avg {c.LatencyMs:0.0} ms) |"
            : "| ceiling: raw order statement under pgbench | skipped |");
        w.WriteLine(Floor is { } f
            ? $"| floor: webhook refusing forged signatures, {Fmt.I(f.Requests)} requests | **{Fmt.N(f.RequestsPerSecond)} requests/s**, {f.Latency.Summary}; {Fmt.I(f.Refused401)} × 401, {f.Stored} stored |"
            : "| floor: webhook refusing forged signatures | skipped |");
        w.WriteLine();

        if (Bursts.Count > 0)
        {
            w.WriteLine("| burst | " + string.Join(" | ", Bursts.Select(b => b.Name)) + " |");
            w.WriteLine("|---|" + string.Concat(Bursts.Select(_ => "---:|")));
            Row(w, "replies sent (residents, chats, hosts)", b => $"{Fmt.I(b.Replies)} ({Fmt.I(b.Residents)}, {b.Chats}, {b.Hosts})");
            Row(w, "inbound_messages analyzed (planner statistics)", b => b.InboxAnalyzed);
            Row(w, "webhook: accepted replies/s", b => $"{Fmt.N(b.AcceptedPerSecond)} ({Fmt.I(b.Accepted)} × 200 in {Fmt.S(b.SendTime)}{Refusals(b)})");
            Row(w, "webhook: p50 / p95 / p99", b => $"{b.Webhook.Percentile(50):0} / {b.Webhook.Percentile(95):0} / {b.Webhook.Percentile(99):0} ms");
            Row(w, "first reply → last order stored", b => b.TimedOut ? $"**TIMED OUT** after {Fmt.S(b.UntilLastOrder)}" : $"**{Fmt.S(b.UntilLastOrder)}**");
            Row(w, "pipeline: replies turned into orders/s", b => $"**{Fmt.N(b.PipelinePerSecond, "#,0.0")}**");
            Row(w, "pipeline as a share of the pgbench rate", b => Ceiling is { } ceiling ? $"**{b.PipelinePerSecond / ceiling.OrdersPerSecond:P1}**" : "n/a (no ceiling)");
            Row(w, "inbox rows processed / replies accepted", b => $"{Fmt.I(b.Inbox.Processed)} / {Fmt.I(b.Accepted)} (failed {b.Inbox.Failed}, pending {b.Inbox.Pending})");
            Row(w, "orders stored / expected (one per resident and chat)", b => $"{Fmt.I(b.OrdersStored)} / {Fmt.I(b.OrdersExpected)}");
            Row(w, "quantity ordered / replies (\"+1\" each)", b => $"{Fmt.I(b.QuantityStored)} / {Fmt.I(b.Accepted)}");
            Row(w, "each reply counted exactly once", b => b.ExactlyOnce ? "yes" : $"**NO** ({b.MismatchedOrders} orders differ)");
            Row(w, "worst ack after a chat's last reply (target)", b => $"{(b.Acks.LagSeconds.Count == 0 ? "n/a" : Fmt.N(b.Acks.Worst, "0.0") + " s")} (≤ {b.AckTarget.TotalSeconds:0} s: {(b.Acks.LagSeconds.Count > 0 && b.Acks.ChatsWithoutAck == 0 && b.Acks.Worst <= b.AckTarget.TotalSeconds ? "met" : "**not met**")})");
            Row(w, "median ack after a chat's last reply; chats late / without", b => $"{Fmt.N(b.Acks.Median, "0.0")} s; {b.Acks.LagSeconds.Count(l => l > b.AckTarget.TotalSeconds)} / {b.Acks.ChatsWithoutAck} of {b.Chats} ({b.Acks.Received} acks{(b.Acks.Settled ? string.Empty : ", some still waiting")})");
            w.WriteLine();
            w.WriteLine("CPU while the replies were being processed (first reply → last order), from /proc:");
            foreach (var b in Bursts)
            {
                w.WriteLine($"  {b.Name}: {b.Cpu}");
            }

            w.WriteLine();
            w.WriteLine("top, about 5 s into each burst:");
            foreach (var b in Bursts)
            {
                w.WriteLine($"  --- {b.Name}");
                foreach (var line in b.Top.Split('\n').Where(l => l.Trim().Length > 0))
                {
                    w.WriteLine("  " + line);
                }
            }

            w.WriteLine();
            Targets(w);
        }

        if (Failures.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("FAILED stages:");
            Failures.ForEach(f => w.WriteLine("  " + f));
        }
    }

    /// <summary>Issue 13's targets against this run.</summary>
    private void Targets(TextWriter w)
    {
        w.WriteLine("issue 13 targets:");
        foreach (var b in Bursts)
        {
            var share = Ceiling is { } c ? b.PipelinePerSecond / c.OrdersPerSecond : double.NaN;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {b.Name}: exactly once {Mark(b.ExactlyOnce)}; end-to-end ≥ 50% of pgbench {Mark(share >= 0.5)} ({(double.IsNaN(share) ? "n/a" : share.ToString("P1", CultureInfo.InvariantCulture))}); " +
                $"webhook p99 < 100 ms {Mark(b.Webhook.Percentile(99) < 100)} ({b.Webhook.Percentile(99):0} ms); acks within {b.AckTarget.TotalSeconds:0} s {Mark(b.Acks.LagSeconds.Count > 0 && b.Acks.ChatsWithoutAck == 0 && b.Acks.Worst <= b.AckTarget.TotalSeconds)}"));
        }

        var one = Bursts.FirstOrDefault(b => b.Hosts == 1 && b.Name.StartsWith("PostgreSQL", StringComparison.Ordinal));
        var many = Bursts.FirstOrDefault(b => b.Hosts > 1);
        if (one is not null && many is not null)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {many.Hosts} hosts beat one: {Mark(many.PipelinePerSecond > one.PipelinePerSecond && !many.TimedOut)} ({many.PipelinePerSecond:0.0} vs {one.PipelinePerSecond:0.0} replies/s end to end)"));
        }
    }

    private static string Mark(bool met) => met ? "met" : "NOT met";

    private static string Refusals(BurstResult b) =>
        b.Refused.Count == 0 ? string.Empty : "; " + string.Join(", ", b.Refused.Select(r => $"{r.Value} × {(r.Key <= 0 ? "no answer" : r.Key.ToString(CultureInfo.InvariantCulture))}"));

    private void Row(TextWriter w, string name, Func<BurstResult, string> value) =>
        w.WriteLine($"| {name} | " + string.Join(" | ", Bursts.Select(value)) + " |");
}
