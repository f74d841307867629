using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Where ticket messages go. The resident hears where their intake was held; the leader
/// privately where the channel can (a complaint is not for the whole group); ops in the ops chat
/// when one is configured. Every message is an outbox row with a key of its own, saved with the
/// change it reports.
/// </summary>
public sealed class TicketMessenger(GroupBuyDbContext db, MessageTemplates templates, ChannelDirectory channels, AfterSalesSettings settings)
{
    public Task ToResidentAsync<TModel>(Ticket ticket, TModel model, string key, DateTimeOffset now, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ToPersonAsync(ticket.Channel, ticket.ResidentUserId, ticket.ReplyChatId, model, key, now, cancellationToken);
    }

    public Task ToIntakeAsync<TModel>(IntakeDialog dialog, TModel model, string key, DateTimeOffset now, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return ToPersonAsync(dialog.Channel, dialog.ResidentUserId, dialog.ChatId, model, key, now, cancellationToken);
    }

    public async Task ToLeaderAsync<TModel>(Group group, TModel model, string key, DateTimeOffset now, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        ArgumentNullException.ThrowIfNull(group);
        var privately = channels.Find(group.Channel)?.Capabilities.HasPrivateChat != false;
        await ToPersonAsync(group.Channel, group.LeaderId, privately ? null : group.ChatId, model, key, now, cancellationToken);
    }

    private async Task ToPersonAsync<TModel>(
        string channel, string userId, string? chatId, TModel model, string key, DateTimeOffset now, CancellationToken cancellationToken)
        where TModel : IMessageModel =>
        db.OutboundMessages.Add(OutboundMessage.ToPerson(channel, userId, chatId, await templates.RenderAsync(model, cancellationToken), key, now));

    /// <summary>Posts into the ops chat; false (nothing sent) when none is configured.</summary>
    public async Task<bool> ToOpsAsync<TModel>(TModel model, string key, DateTimeOffset now, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        if (!settings.HasOpsChat)
        {
            return false;
        }

        var text = await templates.RenderAsync(model, cancellationToken);
        db.OutboundMessages.Add(OutboundMessage.ToChat(settings.OpsChannel!, settings.OpsChatId!, text, [], key, now));
        return true;
    }
}
