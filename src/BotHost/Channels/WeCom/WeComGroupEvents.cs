using GroupBuy.BotHost.Channels.WeCom.Api;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// Keeps registered customer groups current from WeCom's <c>change_external_chat</c> events: on a
/// change the group is read back from WeCom (name, owner, members), a new owner becomes the leader,
/// and the residents in it are known by their group nicknames; a dismissed group gets nothing more.
/// Every WeCom event ends here, so no chat handler ever reads one as something a person said.
/// </summary>
internal sealed class WeComGroupEvents(WeComApiClient api, ILogger<WeComGroupEvents> logger) : IMessageHandler
{
    private const string ChangeExternalChat = "change_external_chat";

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.Channel != ChannelNames.WeCom || message.Kind != InboundMessageKind.Event)
        {
            return false;
        }

        var parts = (message.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] != ChangeExternalChat || message.ChatId is not { } chatId)
        {
            return true;
        }

        var group = await context.Db.Groups.FirstOrDefaultAsync(g => g.Channel == ChannelNames.WeCom && g.ChatId == chatId, cancellationToken);
        if (group is null)
        {
            logger.LogInformation("WeCom customer group {ChatId} changed ({Change}); it is not registered here", chatId, parts[1]);
            return true;
        }

        if (parts[1] == "dismiss")
        {
            group.Dismiss(context.Now);
            logger.LogInformation("WeCom customer group {ChatId} was dismissed", chatId);
            return true;
        }

        // create or update (members, owner, name, notice): read the group as it is now. A failure
        // here fails the event, which is retried with back-off like any message.
        await RefreshAsync(context, group, await api.GetGroupChatAsync(chatId, cancellationToken), cancellationToken);
        return true;
    }

    private async Task RefreshAsync(MessageContext context, Group group, WeComGroupChat chat, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(chat.Name) && chat.Name != group.Name)
        {
            group.Rename(chat.Name.Length > 128 ? chat.Name[..128] : chat.Name);
        }

        if (!string.IsNullOrWhiteSpace(chat.Owner) && chat.Owner != group.LeaderId)
        {
            var ownerName = chat.Members.FirstOrDefault(m => m.UserId == chat.Owner)?.DisplayName ?? chat.Owner;
            logger.LogInformation("WeCom customer group {ChatId} has a new owner; they lead it from now on", group.ChatId);
            group.HandOver(chat.Owner, ownerName.Length > 64 ? ownerName[..64] : ownerName);
        }

        var customers = chat.Members.Where(m => m.IsCustomer).ToList();
        var ids = customers.Select(m => m.UserId).ToList();
        var known = await context.Db.Residents
            .Where(r => r.Channel == ChannelNames.WeCom && ids.Contains(r.UserId))
            .ToDictionaryAsync(r => r.UserId, StringComparer.Ordinal, cancellationToken);
        foreach (var member in customers)
        {
            var name = member.DisplayName.Length > 64 ? member.DisplayName[..64] : member.DisplayName;
            if (known.TryGetValue(member.UserId, out var resident))
            {
                resident.Seen(name, context.Now);
            }
            else
            {
                context.Db.Residents.Add(new Resident(ChannelNames.WeCom, member.UserId, name, context.Now));
            }
        }
    }
}
