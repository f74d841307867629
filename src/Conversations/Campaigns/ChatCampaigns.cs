using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Which campaign a chat is talking about. A group often has one campaign taking orders while the
/// last one's goods are still being handed out, so a reply or 截单 means the current one, 到货 the
/// latest one whose goods have not arrived, and pickups the latest one whose goods have.
/// </summary>
public static class ChatCampaigns
{
    /// <summary>
    /// The latest published campaign still taking orders in the chat, or else the latest one that
    /// was (so a late "+1" hears that it closed). Null before any was published there.
    /// </summary>
    public static async Task<Campaign?> CurrentAsync(GroupBuyDbContext db, long groupId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await InChat(db, groupId).FirstOrDefaultAsync(
            c => c.Status == CampaignStatus.Published && c.ClosesAt > now && c.Chats.Any(ch => ch.GroupId == groupId && ch.ClosedAt == null), cancellationToken)
        ?? await InChat(db, groupId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The latest whose goods have not arrived in the chat, preferring one whose ordering is over.</summary>
    public static async Task<Campaign?> AwaitingArrivalAsync(GroupBuyDbContext db, long groupId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = InChat(db, groupId).Where(c => c.Chats.Any(ch => ch.GroupId == groupId && ch.ArrivedAt == null));
        return await waiting.FirstOrDefaultAsync(
                c => c.Status == CampaignStatus.Closed || c.ClosesAt <= now || c.Chats.Any(ch => ch.GroupId == groupId && ch.ClosedAt != null), cancellationToken)
            ?? await waiting.FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest whose goods arrived in the chat: pickups and reminders are about it.</summary>
    public static Task<Campaign?> ArrivedAsync(GroupBuyDbContext db, long groupId, CancellationToken cancellationToken) =>
        InChat(db, groupId).FirstOrDefaultAsync(c => c.Chats.Any(ch => ch.GroupId == groupId && ch.ArrivedAt != null), cancellationToken);

    /// <summary>The latest whose ordering is over in the chat: shortages found at receiving are about it.</summary>
    public static Task<Campaign?> OrderingOverAsync(GroupBuyDbContext db, long groupId, DateTimeOffset now, CancellationToken cancellationToken) =>
        InChat(db, groupId).FirstOrDefaultAsync(
            c => c.Status == CampaignStatus.Closed || c.ClosesAt <= now || c.Chats.Any(ch => ch.GroupId == groupId && ch.ClosedAt != null), cancellationToken);

    private static IQueryable<Campaign> InChat(GroupBuyDbContext db, long groupId) =>
        db.Campaigns.Include(c => c.Items).Include(c => c.Chats)
            .Where(c => c.Status != CampaignStatus.Draft && c.Chats.Any(ch => ch.GroupId == groupId))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id);
}
