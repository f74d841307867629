using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuy.Testing;
using Npgsql;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// The ceiling: what one reply's order costs PostgreSQL with nothing else in the way. pgbench runs
/// one transaction per reply against the host's own schema (migrated by the host, groups and
/// campaigns made through its API): the inbox row as the webhook stores it (INSERT … ON CONFLICT
/// DO NOTHING), the stock taken as <c>OrderBook</c> takes it (one conditional UPDATE), and the
/// order as EF writes it (the <c>orders</c> row and its <c>order_lines</c> row).
/// </summary>
internal static partial class Ceiling
{
    // pgbench reads ":name" as a variable even inside a string literal, so the conversation key's colons are chr(58).
    public const string Script = """
        \set g random(0, :chats - 1)
        \set grp :gbase + :g
        \set cmp :cbase + :g
        \set itm :ibase + :g
        BEGIN;
        INSERT INTO inbound_messages (channel, message_id, chat_id, sender_id, sender_name, kind, text, mentions, sent_at, received_at, conversation_key, status, next_attempt_at, attempts, version)
          VALUES ('gateway', 'pgbench-m' || nextval('launch_burst_pgbench'), 'pgbench-chat-' || CAST(:g AS text), 'pgbench-r' || currval('launch_burst_pgbench'), '居民', 'Text', '+1', '{}', now(), now(), 'gateway' || chr(58) || 'chat' || chr(58) || 'pgbench-chat-' || CAST(:g AS text), 'Pending', now(), 0, 0)
          ON CONFLICT (channel, message_id) DO NOTHING;
        UPDATE campaign_items SET stock = stock - 1, version = version + 1 WHERE id = CAST(:itm AS bigint) AND stock >= 1;
        WITH o AS (
          INSERT INTO orders (campaign_id, group_id, resident_id, status, created_at, updated_at, version, discount)
          VALUES (CAST(:cmp AS bigint), CAST(:grp AS bigint), CAST(:rbase AS bigint) + currval('launch_burst_pgbench') - 1, 'Open', now(), now(), 0, 0)
          RETURNING id)
        INSERT INTO order_lines (order_id, item_no, quantity, unit_price) SELECT id, 1, 1, 9.90 FROM o;
        END;
        """;

    public static async Task<CeilingResult> RunAsync(PgCluster cluster, string hostDll, string folder, IReadOnlyDictionary<string, string> hostSettings, int chats, int clients, int transactionsPerClient, CancellationToken cancellationToken)
    {
        var connectionString = await cluster.CreateDatabaseAsync("ceiling");
        var chatIds = Enumerable.Range(0, chats).Select(i => "pgbench-chat-" + i.ToString(CultureInfo.InvariantCulture)).ToList();

        Console.WriteLine("  the host migrates database 'ceiling'; groups and campaigns through its API; then it stops …");
        var settings = new Dictionary<string, string>(hostSettings) { ["ConnectionStrings__GroupBuy"] = connectionString };
        using (var host = HostProcess.Start(hostDll, Path.Combine(folder, "ceiling-host"), "host", settings))
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
            using var api = new AdminApi(host.BaseAddress, hostSettings["Admin__ApiKey"]);
            await api.SetUpChatsAsync(chatIds, publish: false, cancellationToken);
        }

        var total = clients * transactionsPerClient;
        long gbase, cbase, ibase, rbase;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // The i-th chat's group, campaign and item must have consecutive ids for pgbench to pick them by number.
            var rows = new List<(long Group, long Campaign, long Item)>();
            await using (var command = new NpgsqlCommand("""
                SELECT g.id, c.id, i.id FROM groups g
                JOIN campaign_chats cc ON cc.group_id = g.id JOIN campaigns c ON c.id = cc.campaign_id
                JOIN campaign_items i ON i.campaign_id = c.id
                WHERE g.chat_id LIKE 'pgbench-chat-%' ORDER BY length(g.chat_id), g.chat_id
                """, connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
                }
            }

            if (rows.Count != chats || rows.Select((r, i) => r.Group - i).Distinct().Count() != 1
                || rows.Select((r, i) => r.Campaign - i).Distinct().Count() != 1 || rows.Select((r, i) => r.Item - i).Distinct().Count() != 1)
            {
                throw new InvalidOperationException("The ceiling's groups, campaigns and items did not get consecutive ids; pgbench cannot address them.");
            }

            (gbase, cbase, ibase) = rows[0];

            // One resident per transaction (an order is unique per resident, chat and campaign), and a
            // sequence that numbers the transactions; both exist only in this throwaway database.
            await using (var command = new NpgsqlCommand($"""
                CREATE SEQUENCE launch_burst_pgbench;
                INSERT INTO residents (channel, user_id, display_name, first_seen_at, last_seen_at)
                SELECT 'gateway', 'pgbench-r' || n, '居民' || n, now(), now() FROM generate_series(1, {total}) n;
                """, connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var command = new NpgsqlCommand("SELECT min(id), max(id) FROM residents WHERE user_id LIKE 'pgbench-r%'", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                rbase = reader.GetInt64(0);
                if (reader.GetInt64(1) - rbase + 1 != total)
                {
                    throw new InvalidOperationException("The ceiling's residents did not get consecutive ids.");
                }
            }

            await using (var command = new NpgsqlCommand("CHECKPOINT; ANALYZE;", connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var scriptFile = Path.Combine(folder, "order-statement.sql");
        await File.WriteAllTextAsync(scriptFile, Script + "\n", cancellationToken);
        Console.WriteLine($"  pgbench: {clients} clients × {transactionsPerClient} transactions ({Fmt.I(total)} orders), fsync on …");
        string[] arguments = [
            "-h", "127.0.0.1", "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            "-t", transactionsPerClient.ToString(CultureInfo.InvariantCulture),
            "-D", $"chats={chats}", "-D", $"gbase={gbase}", "-D", $"cbase={cbase}", "-D", $"ibase={ibase}", "-D", $"rbase={rbase}",
            "-f", scriptFile, "ceiling",
        ];
        var run = await ProcessRunner.RunAsync(Path.Combine(cluster.Bin, "pgbench"), arguments, TimeSpan.FromMinutes(20), folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "pgbench.txt"), run.Output, cancellationToken);
        if (run.ExitCode != 0)
        {
            var firstError = run.Output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? string.Empty;
            throw new InvalidOperationException($"pgbench failed ({run.ExitCode}): {firstError}\n{run.Output}");
        }

        var tps = Number(TpsLine(), run.StandardOutput, "tps");
        var latency = Number(LatencyLine(), run.StandardOutput, "latency average");
        long orders;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM orders o JOIN order_lines l ON l.order_id = o.id", connection);
            orders = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return new CeilingResult(clients, total, tps, latency, orders);
    }

    private static double Number(Regex pattern, string output, string what)
    {
        var match = pattern.Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no {what}:\n{output}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyLine();
}

internal sealed record CeilingResult(int Clients, int Transactions, double OrdersPerSecond, double LatencyMs, long OrdersStored);
