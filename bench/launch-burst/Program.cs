using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// bench/launch-burst: the launch minute of issue 13 in one run. A throwaway PostgreSQL cluster
/// (fsync on), the host from its Release build as its own process, a bridge sink for what it sends;
/// then the pgbench ceiling, the forged-signature floor, the bursts, and one table.
/// </summary>
internal static class Program
{
    private static readonly List<HostProcess> LiveHosts = [];
    private static readonly Lock CleanupLock = new();
    private static PgCluster? cluster;
    private static BridgeSink? sink;
    private static string? runFolder;
    private static bool keep;
    private static bool cleanedUp;

    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

        var root = RepositoryRoot();
        var hostDll = options.HostDll ?? Path.Combine(root, "src", "BotHost", "bin", "Release", "net10.0", "GroupBuy.BotHost.dll");
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"No host build at {hostDll}. bench/launch-burst/run builds it (dotnet build src/BotHost -c Release) before it starts this tool.");
            return 2;
        }

        // Ctrl+C, a terminal closed or a kill: the run stops where it is and cleans up on the way out.
        using var cts = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!cts.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{context.Signal}: stopping the hosts and the PostgreSQL cluster and removing the run's folder …");
                cts.Cancel();
            }
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp();

        keep = options.Keep;
        var needsPostgres = options.Ceiling || options.AnyPostgresHost;
        if (needsPostgres)
        {
            PgCluster.CleanUpAbandoned(options.PgBin);
        }

        runFolder = Path.Combine(Path.GetTempPath(), $"{PgCluster.FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(runFolder);
        await File.WriteAllTextAsync(Path.Combine(runFolder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        var report = new Report();
        try
        {
            await RunAsync(options, hostDll, runFolder, report, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        finally
        {
            CleanUp();
        }

        report.Print(options);
        return report.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task RunAsync(Options options, string hostDll, string folder, Report report, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var apiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        sink = new BridgeSink();
        var baseSettings = new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = apiKey,
            ["Gateway__Secret"] = secret,
            ["Gateway__OutboundUrl"] = sink.Url.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Simulator__DemoOnFirstStart"] = "false",
        };
        if (options.AckDelaySeconds is { } delay)
        {
            baseSettings["Ordering__AckDelaySeconds"] = delay.ToString(CultureInfo.InvariantCulture);
        }

        var ackTarget = TimeSpan.FromSeconds((options.AckDelaySeconds ?? 5) + 2);
        report.Machine = Machine.Describe();
        Console.WriteLine($"launch-burst: {report.Machine}");
        Console.WriteLine($"  run folder {folder}; host {hostDll}");

        if (options.Ceiling || options.AnyPostgresHost)
        {
            Console.WriteLine("Starting a throwaway PostgreSQL cluster (fsync on) …");
            cluster = await PgCluster.StartAsync(options.PgBin, folder, maxConnections: 400);
            report.Postgres = await cluster.ScalarAsync("SELECT version()");
            report.PostgresSettings = $"fsync={await cluster.ScalarAsync("SHOW fsync")}, synchronous_commit={await cluster.ScalarAsync("SHOW synchronous_commit")}, max_connections={await cluster.ScalarAsync("SHOW max_connections")}";
            Console.WriteLine($"  {report.Postgres}; {report.PostgresSettings}");
        }

        var postgresSettings = new Dictionary<string, string>(baseSettings) { ["Storage__Provider"] = "Postgres" };

        if (options.Ceiling)
        {
            await StageAsync(report, "ceiling (pgbench)", async () =>
            {
                report.Ceiling = await Ceiling.RunAsync(cluster!, hostDll, Path.Combine(folder, "ceiling"), postgresSettings, options.Chats, options.PgbenchClients, options.PgbenchTransactions, cancellationToken);
                Console.WriteLine($"  {Fmt.N(report.Ceiling.OrdersPerSecond)} orders/s, latency average {report.Ceiling.LatencyMs:0.0} ms, {Fmt.I(report.Ceiling.OrdersStored)} orders stored");
            }, cancellationToken);
        }

        if (options.Floor || options.Burst)
        {
            await PostgresStageAsync(report, "PostgreSQL burst", "burst", hosts: 1, postgresSettings, hostDll, folder, async (hosts, database) =>
            {
                if (options.Floor)
                {
                    Console.WriteLine($"Floor: {Fmt.I(options.FloorRequests)} forged signatures, {options.InFlight} in flight …");
                    report.Floor = await Floor.RunAsync(hosts[0].BaseAddress, database, options.FloorRequests, options.InFlight, cancellationToken);
                    Console.WriteLine($"  {Fmt.N(report.Floor.RequestsPerSecond)} requests/s, {report.Floor.Latency.Summary}; {Fmt.I(report.Floor.Refused401)} answered 401, {report.Floor.Stored} stored");
                }

                if (options.Burst)
                {
                    Console.WriteLine($"Burst on PostgreSQL: {Fmt.I(options.Replies)} replies, {options.Chats} chats …");
                    report.Bursts.Add(await new Burst(Setup(options, $"PostgreSQL, {Fmt.I(options.Replies)} / {options.Chats} chats", hosts, database, secret, apiKey, ackTarget, folder, "burst", options.Replies, options.Chats, options.Residents)).RunAsync(cancellationToken));
                }
            }, cancellationToken);
        }

        if (options.Big)
        {
            await PostgresStageAsync(report, "PostgreSQL big burst", "big", hosts: 1, postgresSettings, hostDll, folder, async (hosts, database) =>
            {
                Console.WriteLine($"Burst on PostgreSQL: {Fmt.I(options.BigReplies)} replies, {options.BigChats} chats …");
                report.Bursts.Add(await new Burst(Setup(options, $"PostgreSQL, {Fmt.I(options.BigReplies)} / {options.BigChats} chats", hosts, database, secret, apiKey, ackTarget, folder, "big", options.BigReplies, options.BigChats, options.BigResidents)).RunAsync(cancellationToken));
            }, cancellationToken);
        }

        if (options.Hosts > 1)
        {
            await PostgresStageAsync(report, $"PostgreSQL burst on {options.Hosts} hosts", "hosts", options.Hosts, postgresSettings, hostDll, folder, async (hosts, database) =>
            {
                Console.WriteLine($"Burst on PostgreSQL with {options.Hosts} hosts (round-robin): {Fmt.I(options.Replies)} replies, {options.Chats} chats …");
                report.Bursts.Add(await new Burst(Setup(options, $"PostgreSQL, {options.Hosts} hosts, {Fmt.I(options.Replies)} / {options.Chats} chats", hosts, database, secret, apiKey, ackTarget, folder, "hosts", options.Replies, options.Chats, options.Residents)).RunAsync(cancellationToken));
            }, cancellationToken);
        }

        if (options.Sqlite)
        {
            await StageAsync(report, "SQLite burst", async () =>
            {
                var sqliteFolder = Path.Combine(folder, "sqlite");
                Directory.CreateDirectory(sqliteFolder);
                var file = Path.Combine(sqliteFolder, "groupbuy.db");
                var settings = new Dictionary<string, string>(baseSettings)
                {
                    ["Storage__Provider"] = "Sqlite",
                    ["ConnectionStrings__GroupBuy"] = $"Data Source={file}",
                };
                var host = StartHost(hostDll, sqliteFolder, "host", settings);
                try
                {
                    await host.WaitUntilHealthyAsync(cancellationToken);
                    Console.WriteLine($"Burst on SQLite: {Fmt.I(options.Replies)} replies, {options.Chats} chats …");
                    report.Bursts.Add(await new Burst(Setup(options, $"SQLite, {Fmt.I(options.Replies)} / {options.Chats} chats", [host], BurstDatabase.Sqlite(file), secret, apiKey, ackTarget, folder, "sqlite", options.Replies, options.Chats, options.Residents) with { PostmasterPid = null }).RunAsync(cancellationToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new InvalidOperationException($"{ex.Message}\nhost output ({host.LogPath}):\n{host.Tail()}", ex);
                }
                finally
                {
                    StopHost(host);
                }
            }, cancellationToken);
        }
    }

    private static BurstSetup Setup(Options options, string name, IReadOnlyList<HostProcess> hosts, BurstDatabase database, string secret, string apiKey, TimeSpan ackTarget, string folder, string stage, int replies, int chats, int residents) =>
        new(name, hosts, database, sink!, secret, apiKey, replies, chats, Math.Min(residents, replies), options.InFlight, options.Timeout, ackTarget, cluster?.PostmasterPid(), Path.Combine(folder, stage));

    /// <summary>A fresh database, the host(s) on it (the first migrates it), the work, and the hosts stopped again.</summary>
    private static Task PostgresStageAsync(Report report, string name, string database, int hosts, IReadOnlyDictionary<string, string> settings, string hostDll, string folder, Func<IReadOnlyList<HostProcess>, BurstDatabase, Task> work, CancellationToken cancellationToken) =>
        StageAsync(report, name, async () =>
        {
            var connectionString = await cluster!.CreateDatabaseAsync(database);
            var hostSettings = new Dictionary<string, string>(settings) { ["ConnectionStrings__GroupBuy"] = connectionString };
            var started = new List<HostProcess>();
            try
            {
                for (var i = 0; i < hosts; i++)
                {
                    var host = StartHost(hostDll, Path.Combine(folder, database), $"host{i + 1}", hostSettings);
                    started.Add(host);
                    await host.WaitUntilHealthyAsync(cancellationToken);
                }

                await work(started, BurstDatabase.Postgres(cluster.ConnectionString(database, maxPool: 5)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var logs = string.Join("\n", started.Select(h => $"host output ({h.LogPath}):\n{h.Tail()}"));
                throw new InvalidOperationException($"{ex.Message}\n{logs}", ex);
            }
            finally
            {
                started.ForEach(StopHost);
            }
        }, cancellationToken);

    /// <summary>Runs one stage; a failure is reported and the next stage still runs.</summary>
    private static async Task StageAsync(Report report, string name, Func<Task> stage, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await stage();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"  {name} FAILED: {ex.Message}");
            report.Failures.Add($"{name}: {ex.Message.Split('\n')[0]}");
        }
    }

    private static HostProcess StartHost(string dll, string folder, string name, IReadOnlyDictionary<string, string> settings)
    {
        var host = HostProcess.Start(dll, folder, name, settings);
        lock (CleanupLock)
        {
            LiveHosts.Add(host);
        }

        return host;
    }

    private static void StopHost(HostProcess host)
    {
        lock (CleanupLock)
        {
            LiveHosts.Remove(host);
        }

        host.Dispose();
    }

    /// <summary>Hosts, the sink and the cluster stopped, the run's folder removed; safe to call twice (finally and process exit).</summary>
    private static void CleanUp()
    {
        lock (CleanupLock)
        {
            if (cleanedUp)
            {
                return;
            }

            cleanedUp = true;
            foreach (var host in LiveHosts)
            {
                host.Dispose();
            }

            LiveHosts.Clear();
            sink?.Dispose();
            cluster?.Stop();
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (runFolder is not null)
            {
                if (keep)
                {
                    Console.WriteLine($"Kept {runFolder} (--keep): host logs, pgbench output, top samples.");
                }
                else
                {
                    TempFiles.TryDelete(runFolder);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GroupBuy.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}
