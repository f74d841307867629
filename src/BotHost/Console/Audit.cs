using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Console;

/// <summary>Records who changed what; the entry is saved with the change it describes.</summary>
public sealed class Audit(GroupBuyDbContext db, TimeProvider clock)
{
    /// <summary>Adds the entry to the unit of work; the caller's save stores both or neither.</summary>
    public void Record(System.Security.Claims.ClaimsPrincipal user, string action, string subject, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry(user.Actor(), action, subject, detail, clock.GetUtcNow()));

    /// <summary>For changes made by code that saved already (a use case with its own save).</summary>
    public async Task RecordAsync(System.Security.Claims.ClaimsPrincipal user, string action, string subject, string? detail, CancellationToken cancellationToken)
    {
        Record(user, action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
