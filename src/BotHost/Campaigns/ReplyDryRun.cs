using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// A dry run of <see cref="ReplyReader"/> for <c>POST /api/campaigns/{id}/parse</c> and the
/// console's 试读回复: nothing is stored, though a configured model is asked, as the bot would.
/// </summary>
internal static class ReplyDryRun
{
    /// <summary>How the bot would read the reply; null (and <paramref name="errors"/> filled) when the request breaks a rule.</summary>
    public static async Task<ParseResponse?> ReadAsync(
        Campaign campaign,
        ParseRequest input,
        GroupBuyDbContext db,
        ReplyReader reader,
        BotIdentity bot,
        TimeProvider clock,
        FieldErrors errors,
        CancellationToken cancellationToken)
    {
        var text = errors.RequiredText("text", input.Text, 8000);
        if (input.SenderName is { Length: > 64 })
        {
            errors.Add("senderName", "must be at most 64 characters.", "最多 64 个字。");
        }

        if (input.QuotedText is { Length: > 8000 })
        {
            errors.Add("quotedText", "must be at most 8000 characters.", "最多 8000 个字。");
        }

        var surroundings = new ReplySurroundings(QuotedText: input.QuotedText);
        if (!string.IsNullOrWhiteSpace(input.ChatId))
        {
            var chatId = input.ChatId.Trim();
            var groupIds = campaign.Chats.Select(c => c.GroupId).ToList();
            var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.ChatId == chatId && groupIds.Contains(g.Id), cancellationToken);
            if (group is null)
            {
                errors.Add("chatId", $"'{chatId}' is not a chat of campaign {campaign.Id}.", $"“{chatId}”不是这个活动的群。");
            }
            else
            {
                surroundings = await ReplySurroundings.InChatAsync(db, campaign.Id, group.Id, input.QuotedText, cancellationToken);
            }
        }

        if (errors.Any)
        {
            return null;
        }

        var reading = await reader.ReadAsync(ChatText.From(text, bot.Name).Text, campaign, surroundings, cancellationToken);
        return new ParseResponse(
            reading.Kind.ToString().ToLowerInvariant(),
            [.. reading.Lines.Select(l => new ParsedLineResponse(l.ItemNo, l.Quantity, campaign.FindItem(l.ItemNo)?.Name ?? string.Empty))],
            reading.ReadByModel ? "model" : "parser",
            reading.Reason,
            campaign.IsTakingOrders(clock.GetUtcNow()));
    }
}
