using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// Reads the host's tables directly (PostgreSQL through Npgsql, SQLite through Microsoft.Data.Sqlite),
/// never through the host: how many of a burst's messages are processed, the orders they made, and
/// whether acknowledgements are still waiting. The SQL is the same on both providers.
/// </summary>
internal sealed class BurstDatabase(Func<DbConnection> connect, bool isPostgres)
{
    public bool IsPostgres => isPostgres;

    public static BurstDatabase Postgres(string connectionString) => new(() => new NpgsqlConnection(connectionString), isPostgres: true);

    public static BurstDatabase Sqlite(string file) => new(() => new SqliteConnection($"Data Source={file};Mode=ReadOnly;Default Timeout=30"), isPostgres: false);

    /// <summary>
    /// PostgreSQL only: how long ago autovacuum last analyzed <c>inbound_messages</c> (null: never).
    /// Until it does, the planner plans the inbox claim for the empty table the host started with.
    /// </summary>
    public async Task<double?> InboxAnalyzedSecondsAgoAsync(CancellationToken cancellationToken)
    {
        await using var connection = connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT EXTRACT(EPOCH FROM now() - last_autoanalyze)::float8 FROM pg_stat_user_tables WHERE relname = 'inbound_messages'");
        return await command.ExecuteScalarAsync(cancellationToken) is double seconds ? seconds : null;
    }

    /// <summary>The burst's inbox rows by status (message ids start with the burst's prefix).</summary>
    public async Task<InboxCounts> InboxAsync(string messagePrefix, CancellationToken cancellationToken)
    {
        await using var connection = connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT
              COALESCE(SUM(CASE WHEN status = 'Processed' THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN status = 'Failed' THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN status = 'Pending' THEN 1 ELSE 0 END), 0),
              COUNT(DISTINCT message_id)
            FROM inbound_messages WHERE message_id LIKE @prefix
            """, ("prefix", messagePrefix + "%"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Every order row in the burst's chats: its chat, the resident's user id and the quantity ordered.</summary>
    public async Task<List<StoredOrder>> OrdersAsync(string chatPrefix, CancellationToken cancellationToken)
    {
        await using var connection = connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT g.chat_id, r.user_id, COALESCE(SUM(l.quantity), 0)
            FROM orders o
            JOIN groups g ON g.id = o.group_id
            JOIN residents r ON r.id = o.resident_id
            LEFT JOIN order_lines l ON l.order_id = o.id
            WHERE g.chat_id LIKE @prefix
            GROUP BY o.id, g.chat_id, r.user_id
            """, ("prefix", chatPrefix + "%"));
        var orders = new List<StoredOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new StoredOrder(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return orders;
    }

    /// <summary>Acknowledgement batches still collecting and outbound messages not yet delivered (the whole database).</summary>
    public async Task<(long OpenBatches, long PendingOutbound)> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT (SELECT COUNT(*) FROM ack_batches WHERE status = 'Open'),
                   (SELECT COUNT(*) FROM outbound_messages WHERE status = 'Pending')
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 60;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal sealed record StoredOrder(string ChatId, string ResidentId, long Quantity);

    internal sealed record InboxCounts(long Processed, long Failed, long Pending, long Distinct)
    {
        public long Done => Processed + Failed;

        public long Stored => Processed + Failed + Pending;
    }
}
