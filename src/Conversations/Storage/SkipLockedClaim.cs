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
    public static async Task<long?> NextIdAsync(GroupBuyDbContext db, string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQueryRaw<long>(sql, new NpgsqlParameter("now", now.ToUniversalTime())).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
