using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// One queue of rows that fall due (outbox messages, acknowledgement batches, pickup reminders):
/// claim the next due row, work on it, mark it, all in one transaction. On PostgreSQL the claim
/// ends in FOR UPDATE SKIP LOCKED, so workers and hosts pass a row another one holds and a row is
/// never worked twice; a worker that dies mid-way leaves its row due again. SQLite serves one host,
/// whose single worker has the queue to itself. What "marked" means (sent, postponed, retried with
/// <see cref="Backoff"/>, failed) is the row's own business, done in the work.
/// The inbox is the one queue claimed by chat instead of by row (see InboxProcessor).
/// </summary>
/// <typeparam name="TRow">The queue's entity; its key is a <see cref="long"/> id.</typeparam>
public sealed class DueRowQueue<TRow>(IServiceScopeFactory scopes, TimeProvider clock, DueRowClaim<TRow> claim)
    where TRow : class
{
    /// <summary>Claims, works on and saves one due row; false when none is due.</summary>
    public async Task<bool> WorkNextAsync(Func<DueRow<TRow>, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = db.Provider == StorageProvider.Postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var id = db.Provider == StorageProvider.Postgres
            ? await ClaimOnPostgresAsync(db, now, cancellationToken)
            : await claim.Elsewhere(db, now).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return false;
        }

        var row = await db.Set<TRow>().FindAsync([id.Value], cancellationToken)
            ?? throw new InvalidOperationException($"The claimed {typeof(TRow).Name} {id} is gone.");
        await work(new DueRow<TRow>(row, db, scope.ServiceProvider, now), cancellationToken);

        // Once claimed, the row's outcome is saved even if the host is stopping: the work is done.
        await db.SaveChangesAsync(CancellationToken.None);
        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return true;
    }

    /// <summary>Works on rows until none is due; returns how many.</summary>
    public async Task<int> WorkAllDueAsync(Func<DueRow<TRow>, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var worked = 0;
        while (await WorkNextAsync(work, cancellationToken))
        {
            worked++;
        }

        return worked;
    }

    private async Task<long?> ClaimOnPostgresAsync(GroupBuyDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The claim locks FOR UPDATE, which cannot be composed over, so the list is read as it comes.
        var ids = await db.Database.SqlQueryRaw<long>(claim.OnPostgres, new NpgsqlParameter("now", now.ToUniversalTime())).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
