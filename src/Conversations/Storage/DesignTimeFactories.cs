using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GroupBuy.Conversations.Storage;

// Used only by `dotnet ef migrations add`; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGroupBuyDbContext>
{
    public SqliteGroupBuyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGroupBuyDbContext>().UseSqlite(StorageSettings.DefaultSqliteConnectionString).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGroupBuyDbContext>
{
    public PostgresGroupBuyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGroupBuyDbContext>().UseNpgsql("Host=localhost;Database=groupbuy_design").Options);
}
