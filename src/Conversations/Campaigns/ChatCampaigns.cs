using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>Which campaign a chat is talking about.</summary>
public static class ChatCampaigns
{
    /// <summary>
    /// The campaign a reply in the chat is about: the latest published one still taking orders there, or
    /// else the latest one that was (so a late "+1" hears that it closed). Null before any was
    /// published there.
    /// </summary>
    public static async Task<Campaign?> CurrentAsync(GroupBuyDbContext db, long groupId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inChat = db.Campaigns.AsNoTracking().Include(c => c.Items).Include(c => c.Chats)
            .Where(c => c.Status != CampaignStatus.Draft && c.Chats.Any(ch => ch.GroupId == groupId))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id);
        return await inChat.FirstOrDefaultAsync(
                c => c.Status == CampaignStatus.Published && c.ClosesAt > now && c.Chats.Any(ch => ch.GroupId == groupId && ch.ClosedAt == null), cancellationToken)
            ?? await inChat.FirstOrDefaultAsync(cancellationToken);
    }
}
