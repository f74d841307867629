using Npgsql;

namespace GroupBuy.Testing;

/// <summary>
/// One throwaway PostgreSQL 15 cluster per test run (per test process), started with initdb and
/// pg_ctl in a temp folder on a free port, or the server named by <c>GROUPBUY_TEST_PG</c>. Each
/// test class gets its own database from it (<see cref="PostgresDatabase"/>).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string ConnectionStringVariable = "GROUPBUY_TEST_PG";
    public const string BinVariable = "GROUPBUY_PG_BIN";
    private const string DefaultBin = "/usr/lib/postgresql/15/bin";
    private const string FolderPrefix = "groupbuy-pg-";

    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresCluster? shared;

    private readonly ServerFolder? server;

    private PostgresCluster(string adminConnectionString, ServerFolder? server)
    {
        AdminConnectionString = adminConnectionString;
        this.server = server;
    }

    /// <summary>Connection string to the maintenance database, as a user that may create databases.</summary>
    public string AdminConnectionString { get; }

    public static async Task<PostgresCluster> SharedAsync()
    {
        if (shared is not null)
        {
            return shared;
        }

        await StartLock.WaitAsync();
        try
        {
            shared ??= await StartAsync();
            return shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <param name="template">A database to copy (it must have no open connections), or null for an empty one.</param>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        var copy = template is null ? string.Empty : $" TEMPLATE \"{template}\" STRATEGY FILE_COPY";
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>Closes every session on a database (so it can serve as a template).</summary>
    public async Task DisconnectAllAsync(string database)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        await command.ExecuteScalarAsync();
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A cluster of the caller's own, which it may stop and start again (a database outage) and
    /// must dispose. Needs the PostgreSQL binaries: a server named by <c>GROUPBUY_TEST_PG</c> cannot be stopped.
    /// </summary>
    public static Task<PostgresCluster> StartOwnAsync() => InitAndStartAsync();

    /// <summary>Stops the server as an operator would (<c>pg_ctl stop -m fast</c>): sessions are ended, clients get errors.</summary>
    public async Task StopAsync()
    {
        var server = Server;
        await server.Runner.RunAsync("pg_ctl", ["-D", server.Data, "-m", "fast", "-w", "-t", "60", "stop"]);
    }

    /// <summary>Starts a stopped server again on the same port.</summary>
    public async Task StartAgainAsync()
    {
        var server = Server;
        var started = await server.TryStartAsync();
        if (started.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl could not start the cluster again: {started.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The shared cluster outlives every test class; it goes when the process exits.
        if (!ReferenceEquals(this, shared))
        {
            await RemoveAsync();
        }
    }

    private ServerFolder Server => server ?? throw new InvalidOperationException($"This cluster is a server given by {ConnectionStringVariable}; it cannot be stopped.");

    private static async Task<PostgresCluster> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresCluster(given, null);
        }

        var cluster = await InitAndStartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.RemoveAsync().GetAwaiter().GetResult();
        return cluster;
    }

    private async Task RemoveAsync()
    {
        if (server is { } owned)
        {
            await owned.Runner.TryRunAsync("pg_ctl", ["-D", owned.Data, "-m", "immediate", "-w", "stop"]);
            TryDelete(owned.Folder);
        }
    }

    private static async Task<PostgresCluster> InitAndStartAsync()
    {
        var bin = Environment.GetEnvironmentVariable(BinVariable) ?? DefaultBin;
        if (!File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"Storage tests need PostgreSQL 15 and found no initdb/pg_ctl in {bin}. " +
                "Install it with 'apt-get install -y postgresql-15' (bash .ci/run does this), " +
                $"point {BinVariable} at its bin folder, or set {ConnectionStringVariable} to a connection string " +
                "of a running server whose user may create databases.");
        }

        CleanUpAbandonedClusters(bin);
        var runner = new ClusterProcess(bin);
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var data = Path.Combine(folder, "data");
        await runner.GiveToServerUserAsync(folder);
        await runner.RunAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);

        for (var attempt = 1; ; attempt++)
        {
            var server = new ServerFolder(runner, folder, data, FreePort.Next());
            var started = await server.TryStartAsync();
            if (started.ExitCode == 0)
            {
                return new PostgresCluster(
                    $"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=60",
                    server);
            }

            if (attempt == 3)
            {
                var log = File.Exists(Path.Combine(folder, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "server.log")) : string.Empty;
                throw new InvalidOperationException($"pg_ctl could not start a test cluster: {started.Output}\n{log}");
            }
        }
    }

    /// <summary>Clusters left by test runs that were killed: stop them and free their folders.</summary>
    private static void CleanUpAbandonedClusters(string bin)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, "owner.pid");
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsAlive(owner))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                new ClusterProcess(bin).TryRunAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            }

            TryDelete(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A cluster's folder, data directory and port, and the way to start it.</summary>
    private sealed record ServerFolder(ClusterProcess Runner, string Folder, string Data, int Port)
    {
        public Task<ProcessRunner.Result> TryStartAsync()
        {
            var options = $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
            return Runner.TryRunAsync("pg_ctl", ["-D", Data, "-o", options, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "start"]);
        }
    }

    /// <summary>PostgreSQL refuses to run as root: as root, its tools run as the postgres user.</summary>
    private sealed class ClusterProcess(string bin)
    {
        private static bool AsRoot => Environment.IsPrivilegedProcess;

        public async Task GiveToServerUserAsync(string folder)
        {
            if (AsRoot)
            {
                await EnsureSucceededAsync(await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", folder], TimeSpan.FromSeconds(30)), "chown");
            }
        }

        public async Task RunAsync(string tool, IReadOnlyList<string> arguments) =>
            await EnsureSucceededAsync(await TryRunAsync(tool, arguments), tool);

        public Task<ProcessRunner.Result> TryRunAsync(string tool, IReadOnlyList<string> arguments)
        {
            var path = Path.Combine(bin, tool);
            return AsRoot
                ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], TimeSpan.FromMinutes(2), Path.GetTempPath())
                : ProcessRunner.RunAsync(path, arguments, TimeSpan.FromMinutes(2), Path.GetTempPath());
        }

        private static Task EnsureSucceededAsync(ProcessRunner.Result result, string tool) =>
            result.ExitCode == 0 ? Task.CompletedTask : throw new InvalidOperationException($"{tool} failed ({result.ExitCode}): {result.Output}");
    }
}
