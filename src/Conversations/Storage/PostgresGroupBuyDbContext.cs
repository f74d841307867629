using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Storage;

/// <summary>The production store; owns the PostgreSQL migrations.</summary>
public sealed class PostgresGroupBuyDbContext : GroupBuyDbContext
{
    public PostgresGroupBuyDbContext(DbContextOptions<PostgresGroupBuyDbContext> options)
        : base(options)
    {
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
