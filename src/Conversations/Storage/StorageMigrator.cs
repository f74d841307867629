using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// Brings the database schema up to date at start-up and says what it applied. A database that
/// cannot be reached stops the start with a message naming the setting to fix, instead of a host
/// that runs and fails on every message.
/// </summary>
public sealed class StorageMigrator
{
    private readonly GroupBuyDbContext db;
    private readonly StorageSettings settings;
    private readonly StorageReadiness readiness;
    private readonly ILogger<StorageMigrator> logger;

    public StorageMigrator(GroupBuyDbContext db, StorageSettings settings, StorageReadiness readiness, ILogger<StorageMigrator> logger)
    {
        this.db = db;
        this.settings = settings;
        this.readiness = readiness;
        this.logger = logger;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (settings.Provider == StorageProvider.Sqlite)
            {
                var folder = Path.GetDirectoryName(settings.SqliteFilePath);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            // On an empty database the provider reads the migration history before creating it and
            // logs the failed query as an error; creating the (empty) history first keeps a first
            // start free of false alarms.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                logger.LogInformation("Storage {Storage} is up to date; no migrations to apply", settings.Describe());
            }
            else
            {
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation(
                    "Applied {Count} migration(s) to {Storage}: {Migrations}", pending.Count, settings.Describe(), string.Join(", ", pending));
            }

            if (settings.Provider == StorageProvider.Sqlite)
            {
                // Readers never block the writer: webhooks keep landing while a job reads.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new InvalidSettingException(
                $"Cannot open {settings.Describe()} ({ReasonOf(ex)}). Check {StorageSettings.ConnectionStringKey} (and {StorageSettings.ProviderKey}, now {settings.Provider}).",
                ex);
        }

        readiness.MarkMigrated();
    }

    private static bool IsStorageFailure(Exception ex) =>
        ex is DbException or IOException or UnauthorizedAccessException or TimeoutException
        || (ex is InvalidOperationException && ex.InnerException is DbException or TimeoutException);

    private static string ReasonOf(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null && innermost is not DbException)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.ReplaceLineEndings(" ").Trim();
    }
}
