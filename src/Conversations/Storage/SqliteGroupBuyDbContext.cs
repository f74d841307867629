using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Storage;

/// <summary>The embedded default; owns the SQLite migrations.</summary>
public sealed class SqliteGroupBuyDbContext : GroupBuyDbContext
{
    public SqliteGroupBuyDbContext(DbContextOptions<SqliteGroupBuyDbContext> options)
        : base(options)
    {
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}
