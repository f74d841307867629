using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GroupBuy.Conversations.Storage;

/// <summary>Where data (and Hangfire jobs) live: <c>Storage:Provider</c> and <c>ConnectionStrings:GroupBuy</c>.</summary>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Storage:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:GroupBuy";
    public const string DefaultSqliteConnectionString = "Data Source=groupbuy.db";

    /// <summary>Reads and checks the two settings; a wrong value fails with a message naming the key to fix.</summary>
    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration[ProviderKey];
        StorageProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = StorageProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidSettingException(
                $"{ProviderKey} is '{providerText}', which is not a storage provider. Use 'Sqlite' (the default) or 'Postgres'.");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == StorageProvider.Postgres)
            {
                throw new InvalidSettingException(
                    $"{ProviderKey} is Postgres but {ConnectionStringKey} is not set. Set it to an Npgsql connection string, e.g. 'Host=localhost;Database=groupbuy;Username=groupbuy;Password=...'.");
            }

            connectionString = DefaultSqliteConnectionString;
        }

        var settings = new StorageSettings(provider, connectionString);
        settings.EnsureWellFormed();
        return settings;
    }

    /// <summary>The connection string with any password removed, fit for logs and error messages.</summary>
    public string Describe()
    {
        return Provider switch
        {
            StorageProvider.Sqlite => $"SQLite file '{SqliteFilePath}'",
            _ => DescribePostgres(),
        };
    }

    /// <summary>
    /// The connection string the data context opens on PostgreSQL. Statements the inbox runs for
    /// every message are prepared on the server after their second use (parsed and planned once
    /// per connection instead of every time), unless the connection string says otherwise.
    /// </summary>
    public string PostgresDataConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        // The keys as written ("Max Auto Prepare" or "MaxAutoPrepare"): a value of 0 set on purpose is kept.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString }.Keys.Cast<string>();
        if (!written.Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>The SQLite data file (full path); only meaningful for the Sqlite provider.</summary>
    public string SqliteFilePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    private string DescribePostgres()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    private void EnsureWellFormed()
    {
        try
        {
            if (Provider == StorageProvider.Sqlite)
            {
                var builder = new SqliteConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    throw new InvalidSettingException($"{ConnectionStringKey} names no SQLite file; use e.g. '{DefaultSqliteConnectionString}'.");
                }
            }
            else
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    throw new InvalidSettingException($"{ConnectionStringKey} names no PostgreSQL host (Host=...).");
                }
            }
        }
        catch (ArgumentException ex)
        {
            // The parsers' messages never echo the password, so they are safe to pass on.
            throw new InvalidSettingException($"{ConnectionStringKey} is not a valid {Provider} connection string: {ex.Message}", ex);
        }
    }
}
