using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// Claims the next due row of one of our queues on PostgreSQL: the query ends in
/// FOR UPDATE SKIP LOCKED, takes <c>@now</c>, and returns one id as "Value". The row stays locked
/// until the caller's transaction ends, so other workers and hosts pass it by.
/// </summary>
internal static class SkipLockedClaim
{
    /// <summary>
    /// The next due row: claimed with <paramref name="postgresSql"/> on PostgreSQL, else the first of
    /// <paramref name="elsewhere"/> (SQLite serves one host, whose single worker has the queue to itself).
    /// </summary>
    public static async Task<long?> NextIdAsync(GroupBuyDbContext db, string postgresSql, IQueryable<long?> elsewhere, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Provider == StorageProvider.Postgres
            ? await NextIdAsync(db, postgresSql, now, cancellationToken)
            : await elsewhere.FirstOrDefaultAsync(cancellationToken);

    public static async Task<long?> NextIdAsync(GroupBuyDbContext db, string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQueryRaw<long>(sql, new NpgsqlParameter("now", now.ToUniversalTime())).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
