using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Ordering.Parsing;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Routing;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Turns replies in a campaign's chat into orders: reads them (<see cref="ReplyReader"/>), applies
/// them to the sender's order with stock taken atomically (<see cref="OrderBook"/>), and answers
/// without flooding the group: orders are acknowledged in batches, and only what concerns one
/// resident (sold out, unreadable, closed, read by the model) is answered to them at once.
/// Anything that is not an order is left to the handlers after this one. Within a batch of one
/// chat's messages the campaign, the preview and the open acknowledgement batch are read once and
/// kept (<see cref="ChatMemo"/>) while the chat's messages keep coming here.
/// </summary>
public sealed class OrderReplyHandler(
    ReplyReader reader, ResidentDirectory residents, OrderBook book, OrderAcknowledgements acknowledgements, CouponRedemption coupons, ChatMemo memo) : IMessageHandler
{
    // A kept batch this close to its due time may be in a sender's hands (on any host): read it afresh.
    private static readonly TimeSpan AckBatchMargin = TimeSpan.FromSeconds(1);

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Group is not { } group || context.Message.Kind != InboundMessageKind.Text || context.Text.Text.Length == 0)
        {
            return false;
        }

        var chat = await ChatAsync(context, group, cancellationToken);
        if (chat is null)
        {
            return false;
        }

        var campaign = chat.Campaign;
        var surroundings = new ReplySurroundings(chat.Chain, chat.Preview, await QuotedTextAsync(context, cancellationToken));
        var open = campaign.IsTakingOrdersIn(group.Id, context.Now);

        // After the cut-off nothing is ordered, so there is nothing to ask the model about either.
        var reading = open
            ? await reader.ReadAsync(context.Text.Text, campaign, surroundings, cancellationToken)
            : reader.Read(context.Text.Text, campaign, surroundings);
        if (reading.Chain is not null)
        {
            await KeepChainAsync(context, campaign, group, cancellationToken);
            memo.Keep(this, chat with { Chain = context.Text.Text });
        }

        if (!reading.LooksLikeOrder)
        {
            // A copied chain without new lines is still the chain's business, not help's.
            return reading.Chain is not null;
        }

        var name = context.SenderName;
        if (!open)
        {
            await context.ReplyOnceAsync(
                new CampaignClosedMessage(name, campaign.Title), $"closed:{campaign.Id}:{group.Id}:{context.Message.SenderId}", cancellationToken);
            return true;
        }

        if (reading.Kind == ReplyKind.Unclear)
        {
            await context.ReplyAsync(
                new OrderUnclearMessage(name, campaign.Items.Count == 1, context.Capabilities.MentionRequired, context.Bot.Name), cancellationToken);
            return true;
        }

        var resident = await residents.SeenAsync(context.Message.Channel, context.Message.SenderId, context.Message.SenderName, context.Now, cancellationToken);
        var outcome = await book.ApplyAsync(campaign, group.Id, resident.Id, reading.Edit, reading.Lines, context.Now, cancellationToken);
        if (outcome.ChangedAnything)
        {
            await coupons.SettleAsync(outcome.Order, context.Now, cancellationToken);
        }

        await AnswerAsync(context, campaign, name, reading, outcome, cancellationToken);
        if (outcome.ChangedAnything && !reading.ReadByModel)
        {
            await NoteAsync(context, campaign, group, resident.Id, cancellationToken);
        }

        return true;
    }

    private static async Task AnswerAsync(MessageContext context, Campaign campaign, string name, ReplyReading reading, OrderOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var soldOut in outcome.SoldOut)
        {
            await context.ReplyAsync(
                new SoldOutMessage(name, soldOut.ItemNo, soldOut.Name, soldOut.Wanted, soldOut.Left, context.Capabilities.MentionRequired, context.Bot.Name),
                cancellationToken);
        }

        if (reading.Edit is OrderEdit.Remove or OrderEdit.RemoveAll && !outcome.ChangedAnything)
        {
            var items = reading.Lines.Select(l => OrderLineText.Item(campaign, l.ItemNo)).ToList();
            await context.ReplyAsync(new NothingToCancelMessage(name, campaign.Title, items), cancellationToken);
            return;
        }

        if (reading.ReadByModel && outcome.ChangedAnything)
        {
            // The model's reading is confirmed to the resident at once: a misreading costs them money.
            var lines = outcome.Changed.Select(c => reading.Edit is OrderEdit.Remove or OrderEdit.RemoveAll
                ? OrderLineText.Item(campaign, c.ItemNo)
                : OrderLineText.Line(campaign, c.ItemNo, c.Quantity)).ToList();
            var kind = reading.Edit switch
            {
                OrderEdit.Add => "order",
                OrderEdit.Set => "change",
                OrderEdit.Remove => "cancel",
                _ => "cancel_all",
            };
            await context.ReplyAsync(
                new OrderReadBackMessage(name, kind, lines, campaign.Items.Count == 1, context.Capabilities.MentionRequired, context.Bot.Name), cancellationToken);
        }
    }

    /// <summary>The chat's current campaign and what was posted around it, as the previous reply of the batch left them, or read now.</summary>
    private async Task<OrderingChat?> ChatAsync(MessageContext context, Group group, CancellationToken cancellationToken)
    {
        // A kept campaign that stopped taking orders is read again: another may be current now.
        if (memo.Recall<OrderingChat>(this) is { } kept && kept.GroupId == group.Id && kept.Campaign.IsTakingOrdersIn(group.Id, context.Now))
        {
            return kept;
        }

        var campaign = await ChatCampaigns.CurrentAsync(context.Db, group.Id, context.Now, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var surroundings = await ReplySurroundings.InChatAsync(context.Db, campaign.Id, group.Id, quotedText: null, cancellationToken);
        var chat = new OrderingChat(group.Id, campaign, surroundings.PreviousChain, surroundings.Preview, AckBatch: null);
        memo.Keep(this, chat);
        return chat;
    }

    private static async Task<string?> QuotedTextAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        return message.QuotedMessageId is { } quotedId
            ? await context.Db.InboundMessages.AsNoTracking()
                .Where(m => m.Channel == message.Channel && m.MessageId == quotedId && m.ChatId == message.ChatId)
                .Select(m => m.Text).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    private async Task NoteAsync(MessageContext context, Campaign campaign, Group group, long residentId, CancellationToken cancellationToken)
    {
        // The batch as this chat's previous reply saved it; nobody else writes an open batch before it is due.
        var chat = memo.Recall<OrderingChat>(this);
        if (chat?.AckBatch is { } open && open.CampaignId == campaign.Id && open.GroupId == group.Id && open.DueAt > context.Now + AckBatchMargin)
        {
            context.Db.Attach(open);
        }

        var batch = await acknowledgements.NoteAsync(context.Db, campaign.Id, group.Id, residentId, context.Now, cancellationToken);
        if (chat is not null)
        {
            memo.Keep(this, chat with { AckBatch = batch });
        }
    }

    private static async Task KeepChainAsync(MessageContext context, Campaign campaign, Group group, CancellationToken cancellationToken)
    {
        var text = context.Text.Text;
        var kept = await context.Db.Set<ChatChain>().FirstOrDefaultAsync(c => c.CampaignId == campaign.Id && c.GroupId == group.Id, cancellationToken);
        if (kept is null)
        {
            context.Db.Add(new ChatChain(campaign.Id, group.Id, text, context.Now));
        }
        else
        {
            kept.Replace(text, context.Now);
        }
    }

    /// <summary>What the replies of one chat share within a batch.</summary>
    private sealed record OrderingChat(long GroupId, Campaign Campaign, string? Chain, string? Preview, AckBatch? AckBatch);
}
