using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Routing;

/// <summary>
/// One inbound message being processed: what was said, where, by whom, and the means to answer.
/// Replies are outbox rows saved in the same transaction as the message's other effects, keyed by
/// the message id, so a retried message never answers twice.
/// </summary>
public sealed class MessageContext
{
    private readonly MessageTemplates templates;
    private int replies;

    public MessageContext(
        InboundMessage message,
        Group? group,
        ChannelCapabilities capabilities,
        ChatText text,
        BotIdentity bot,
        DateTimeOffset now,
        GroupBuyDbContext db,
        MessageTemplates templates)
    {
        Message = message;
        Group = group;
        Capabilities = capabilities;
        Text = text;
        Bot = bot;
        Now = now;
        Db = db;
        this.templates = templates;
    }

    public InboundMessage Message { get; }

    /// <summary>The registered group the message came from; null for private chats and unknown groups.</summary>
    public Group? Group { get; }

    public ChannelCapabilities Capabilities { get; }

    public ChatText Text { get; }

    public BotIdentity Bot { get; }

    public DateTimeOffset Now { get; }

    public GroupBuyDbContext Db { get; }

    public bool IsPrivate => Message.ChatId is null;

    public bool FromLeader => Group?.IsLedBy(Message.SenderId) == true;

    /// <summary>How answers address the sender: their group nickname, else their user id.</summary>
    public string SenderName => Message.SenderName.Length > 0 ? Message.SenderName : Message.SenderId;

    /// <summary>
    /// Posts into the group for everyone (an announcement, the arrival list), with the given people
    /// @-mentioned. Once per <paramref name="idempotencyKey"/>, so a retried message never posts twice.
    /// </summary>
    public async Task PostToGroupAsync<TModel>(TModel model, IReadOnlyList<string> mentions, string idempotencyKey, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        if (Group is null)
        {
            throw new InvalidOperationException("Only a group message can post into its group.");
        }

        var text = await templates.RenderAsync(model, cancellationToken);
        Db.OutboundMessages.Add(OutboundMessage.ToChat(Group.Channel, Group.ChatId, text, mentions, idempotencyKey, Now));
    }

    /// <summary>
    /// Answers once per <paramref name="onceKey"/> however many messages ask (a resident ordering
    /// after the cut-off is told once, not per message).
    /// </summary>
    public async Task ReplyOnceAsync<TModel>(TModel model, string onceKey, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        if (Db.OutboundMessages.Local.Any(m => m.IdempotencyKey == onceKey)
            || await Db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == onceKey, cancellationToken))
        {
            return;
        }

        Db.OutboundMessages.Add(Answer(await templates.RenderAsync(model, cancellationToken), onceKey));
    }

    /// <summary>Answers where the message came from: in the group with an @-mention of the sender, or privately.</summary>
    public async Task ReplyAsync<TModel>(TModel model, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        var text = await templates.RenderAsync(model, cancellationToken);
        var key = ReplyKeys.Of(Message.Channel, Message.MessageId, ++replies);
        var reply = Answer(text, key);
        // A channel's reply address takes one answer; any further ones go the ordinary way.
        Db.OutboundMessages.Add(reply.Via(replies == 1 ? Message.ReplyUrl : null));
    }

    /// <summary>
    /// Answers the sender in a private chat where the channel has one (their earnings, say, are
    /// nobody else's business), else in the group with an @-mention.
    /// </summary>
    public async Task ReplyPrivatelyAsync<TModel>(TModel model, CancellationToken cancellationToken)
        where TModel : IMessageModel
    {
        if (IsPrivate || !Capabilities.HasPrivateChat)
        {
            await ReplyAsync(model, cancellationToken);
            return;
        }

        var text = await templates.RenderAsync(model, cancellationToken);
        var key = ReplyKeys.Of(Message.Channel, Message.MessageId, ++replies);
        Db.OutboundMessages.Add(OutboundMessage.ToUser(Message.Channel, Message.SenderId, text, key, Now));
    }

    /// <summary>Where an answer goes: the sender privately, or the group with the sender @-mentioned.</summary>
    private OutboundMessage Answer(string text, string idempotencyKey) =>
        OutboundMessage.ToPerson(Message.Channel, Message.SenderId, Message.ChatId, text, idempotencyKey, Now);
}
