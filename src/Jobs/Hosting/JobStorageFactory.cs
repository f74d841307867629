using GroupBuy.Conversations.Storage;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace GroupBuy.Jobs.Hosting;

/// <summary>Hangfire's storage follows <c>Storage:Provider</c>: jobs live beside the data they act on.</summary>
public static class JobStorageFactory
{
    public const string PostgresSchema = "hangfire";

    public static JobStorage Create(StorageSettings storage, JobsSettings jobs)
    {
        return storage.Provider switch
        {
            StorageProvider.Postgres => CreatePostgres(storage.ConnectionString, jobs),
            _ => CreateSqlite(SqliteJobsFilePath(storage), jobs),
        };
    }

    /// <summary>
    /// Jobs get their own file next to the data file (groupbuy.db → groupbuy.jobs.db): Hangfire's
    /// SQLite driver and EF Core would otherwise contend for the one write lock on every poll.
    /// </summary>
    public static string SqliteJobsFilePath(StorageSettings storage)
    {
        var dataFile = storage.SqliteFilePath;
        var folder = Path.GetDirectoryName(dataFile) ?? ".";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(dataFile) + ".jobs" + Path.GetExtension(dataFile));
    }

    private static SQLiteStorage CreateSqlite(string path, JobsSettings jobs)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
    }

    private static PostgreSqlStorage CreatePostgres(string connectionString, JobsSettings jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            // Installed by the start-up checks (JobStorageSchema), once the database is known to be there.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = jobs.PollInterval,
            // Several hosts share one database: workers hear new jobs at once instead of polling for them.
            EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
    }
}
