using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// What the chat around a reply tells the reader: the latest order chain (接龙) in the chat, the
/// campaign's preview as posted there, and the text of the message the reply quotes. All optional;
/// the dry run has none of them.
/// </summary>
public sealed record ReplySurroundings(string? PreviousChain = null, string? Preview = null, string? QuotedText = null)
{
    public static ReplySurroundings None { get; } = new();

    /// <summary>The surroundings of a reply in a chat of the campaign, as they stand now.</summary>
    public static async Task<ReplySurroundings> InChatAsync(GroupBuyDbContext db, long campaignId, long groupId, string? quotedText, CancellationToken cancellationToken)
    {
        // Both in one round trip: the inbox reads them once per batch of a chat's replies, the dry run once per reply.
        var previewKey = CampaignPublishing.PreviewKey(campaignId, groupId);
        var found = await db.Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Select(g => new
            {
                Chain = db.Set<ChatChain>().Where(c => c.CampaignId == campaignId && c.GroupId == groupId).Select(c => c.Text).FirstOrDefault(),
                Preview = db.OutboundMessages.Where(m => m.IdempotencyKey == previewKey).Select(m => m.Text).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new ReplySurroundings(found?.Chain, found?.Preview, quotedText);
    }
}
