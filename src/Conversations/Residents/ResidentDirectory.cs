using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Residents;

/// <summary>Knows residents by their user id on a channel, adding them the first time they speak.</summary>
public sealed class ResidentDirectory(GroupBuyDbContext db)
{
    private const string BeforeInsert = "resident";

    /// <summary>
    /// The resident, refreshed with the name they show now and saved, so that their id is known to
    /// the order written in the same transaction. Must run inside the caller's transaction.
    /// </summary>
    public async Task<Resident> SeenAsync(string channel, string userId, string displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resident = await FindAsync(channel, userId, cancellationToken);
        if (resident is not null)
        {
            resident.Seen(displayName, now);
            await db.SaveChangesAsync(cancellationToken);
            return resident;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Residents are added inside the message's transaction.");
        await transaction.CreateSavepointAsync(BeforeInsert, cancellationToken);
        resident = new Resident(channel, userId, displayName, now);
        db.Residents.Add(resident);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return resident;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same person spoke in another chat at the same moment and another worker added them.
            await transaction.RollbackToSavepointAsync(BeforeInsert, cancellationToken);
            db.Entry(resident).State = EntityState.Detached;
            var existing = await FindAsync(channel, userId, cancellationToken)
                ?? throw new InvalidOperationException("A resident reported as a duplicate could not be found.", ex);
            existing.Seen(displayName, now);
            await db.SaveChangesAsync(cancellationToken);
            return existing;
        }
    }

    private Task<Resident?> FindAsync(string channel, string userId, CancellationToken cancellationToken) =>
        db.Residents.FirstOrDefaultAsync(r => r.Channel == channel && r.UserId == userId, cancellationToken);
}
