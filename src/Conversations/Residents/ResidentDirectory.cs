using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Residents;

/// <summary>Knows residents by their user id on a channel, adding them the first time they speak.</summary>
public sealed class ResidentDirectory(GroupBuyDbContext db)
{
    // One statement on both providers: the first message adds the resident, later ones refresh the
    // name they show now. Two chats adding one person at once meet in ON CONFLICT, not in an error.
    private const string Upsert = """
        INSERT INTO residents AS r (channel, user_id, display_name, first_seen_at, last_seen_at)
        VALUES ({0}, {1}, {2}, {3}, {3})
        ON CONFLICT (channel, user_id) DO UPDATE SET
            display_name = COALESCE(NULLIF({4}, ''), r.display_name),
            last_seen_at = CASE WHEN excluded.last_seen_at > r.last_seen_at THEN excluded.last_seen_at ELSE r.last_seen_at END
        RETURNING id, channel, user_id, display_name, first_seen_at, last_seen_at
        """;

    /// <summary>
    /// The resident, added or refreshed with the name they show now, with their id known at once;
    /// written in the caller's transaction, so a message that fails leaves no resident behind.
    /// The resident is not tracked: it is read, not edited, by the message's handlers.
    /// </summary>
    public async Task<Resident> SeenAsync(string channel, string userId, string displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The constructor's rules (known channel, the user id when no name is shown) apply to the row too.
        var seen = new Resident(channel, userId, displayName, now);
        var shown = string.IsNullOrWhiteSpace(displayName) ? string.Empty : seen.DisplayName;
        var at = ColumnValue(nameof(Resident.LastSeenAt), now);
        var rows = await db.Residents
            .FromSqlRaw(Upsert, seen.Channel, seen.UserId, seen.DisplayName, at, shown)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows[0];
    }

    // Raw SQL bypasses the model's converters (SQLite keeps times as Unix milliseconds), so the
    // value is converted as the column would be.
    private object ColumnValue(string property, DateTimeOffset value) =>
        db.Model.FindEntityType(typeof(Resident))!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value)
            ?? value.ToUniversalTime();
}
