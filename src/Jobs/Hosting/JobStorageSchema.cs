using GroupBuy.Conversations.Storage;
using Hangfire.PostgreSql;
using Npgsql;

namespace GroupBuy.Jobs.Hosting;

/// <summary>
/// Creates or upgrades Hangfire's tables on PostgreSQL during the start-up checks, after the
/// database has been reached and migrated. Left to Hangfire's storage constructor, an unreachable
/// database kept the start waiting half a minute before anyone heard which setting to fix.
/// </summary>
public static class JobStorageSchema
{
    public static async Task InstallAsync(StorageSettings storage, CancellationToken cancellationToken)
    {
        if (storage.Provider != StorageProvider.Postgres)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Safe to race: the installer serialises concurrent hosts on a lock of its own.
        PostgreSqlObjectsInstaller.Install(connection, JobStorageFactory.PostgresSchema);
    }
}
