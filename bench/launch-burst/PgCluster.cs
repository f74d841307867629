using System.Globalization;
using GroupBuy.Testing;
using Npgsql;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// A throwaway PostgreSQL cluster for one run, as the tests start theirs (initdb and pg_ctl in a
/// temp folder on a free port, as the postgres user when run as root) but durable like production:
/// fsync, synchronous_commit and full_page_writes stay on.
/// </summary>
internal sealed class PgCluster
{
    public const string FolderPrefix = "groupbuy-launch-burst-";

    private readonly string bin;
    private readonly string data;
    private bool running;

    private PgCluster(string bin, string folder, int port)
    {
        this.bin = bin;
        Folder = folder;
        data = Path.Combine(folder, "data");
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string Bin => bin;

    public string ConnectionString(string database, int maxPool = 100) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size={maxPool};Timeout=30;Command Timeout=120";

    public static async Task<PgCluster> StartAsync(string bin, string parent, int maxConnections)
    {
        if (!File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")) || !File.Exists(Path.Combine(bin, "pgbench")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15's initdb, pg_ctl and pgbench were not found in {bin}. Install them with " +
                "'apt-get install -y postgresql-15' or point --pg-bin (GROUPBUY_PG_BIN) at their folder.");
        }

        var folder = Path.Combine(parent, "pg");
        Directory.CreateDirectory(folder);
        await GiveToServerUserAsync(folder);
        var port = FreePort.Next();
        var cluster = new PgCluster(bin, folder, port);
        await cluster.RunAsync("initdb", ["-D", cluster.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]);

        // Durable, as a production server: fsync, synchronous_commit and full_page_writes are left on (their defaults).
        var settings = string.Join(' ', [
            $"-p {port}",
            $"-k {folder}",
            "-c listen_addresses=127.0.0.1",
            $"-c max_connections={maxConnections.ToString(CultureInfo.InvariantCulture)}",
            "-c fsync=on",
            "-c synchronous_commit=on",
            "-c full_page_writes=on",
            "-c shared_buffers=128MB",
        ]);
        var started = await cluster.TryRunAsync("pg_ctl", ["-D", cluster.data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"]);
        if (started.ExitCode != 0)
        {
            var log = File.Exists(Path.Combine(folder, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "server.log")) : string.Empty;
            throw new InvalidOperationException($"pg_ctl could not start the cluster: {started.Output}\n{log}");
        }

        cluster.running = true;
        return cluster;
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>The postmaster's process id (its children are the backends).</summary>
    public int? PostmasterPid()
    {
        var file = Path.Combine(data, "postmaster.pid");
        try
        {
            var first = File.ReadLines(file).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stops the cluster at once; it is thrown away with its folder.</summary>
    public void Stop()
    {
        if (!running)
        {
            return;
        }

        running = false;
        try
        {
            TryRunAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"]).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"Could not stop PostgreSQL in {data}: {ex.Message}");
        }
    }

    /// <summary>Clusters left by runs that were killed outright: stop them and free their folders.</summary>
    public static void CleanUpAbandoned(string bin)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, "owner.pid");
            if (!File.Exists(ownerFile)
                || !int.TryParse(File.ReadAllText(ownerFile), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || IsAlive(owner))
            {
                continue;
            }

            var data = Path.Combine(folder, "pg", "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                new PgCluster(bin, Path.Combine(folder, "pg"), 0).TryRunAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            }

            TempFiles.TryDelete(folder);
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

    private static async Task GiveToServerUserAsync(string folder)
    {
        if (Environment.IsPrivilegedProcess)
        {
            var result = await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", folder], TimeSpan.FromSeconds(30));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"chown failed ({result.ExitCode}): {result.Output}");
            }
        }
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var result = await TryRunAsync(tool, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({result.ExitCode}): {result.Output}");
        }
    }

    /// <summary>PostgreSQL refuses to run as root: as root, its tools run as the postgres user.</summary>
    private Task<ProcessRunner.Result> TryRunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(bin, tool);
        return Environment.IsPrivilegedProcess
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], TimeSpan.FromMinutes(2), Path.GetTempPath())
            : ProcessRunner.RunAsync(path, arguments, TimeSpan.FromMinutes(2), Path.GetTempPath());
    }
}
