using System.Globalization;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Inbox;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>Turns WeCom's wire messages into the one <see cref="InboundMessage"/> every channel produces.</summary>
internal static class WeComInbound
{
    /// <summary>An application callback: a member writing to the app privately, or an event. Null for types we do not take.</summary>
    public static InboundMessage? FromApplication(WeComCallbackMessage wire, DateTimeOffset now)
    {
        switch (wire.MsgType)
        {
            case "text" when wire.MsgId is not null:
                return Create(wire.MsgId, chatId: null, wire.FromUserName, InboundMessageKind.Text, wire.Content, imageUrl: null, wire.CreateTime, now);
            case "image" when wire.MsgId is not null:
                return Create(wire.MsgId, chatId: null, wire.FromUserName, InboundMessageKind.Image, text: null, wire.PicUrl, wire.CreateTime, now);
            case "event" when wire.Event is not null:
                // Events carry no MsgId; WeCom's advice is to tell them apart by sender and time.
                var id = string.Join(':', "event", wire.FromUserName, wire.CreateTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), wire.Event, wire.ChatId, wire.ChangeType, wire.UpdateDetail);
                var summary = string.Join(' ', new[] { wire.Event, wire.ChangeType, wire.UpdateDetail }.Where(p => !string.IsNullOrEmpty(p)));
                return Create(id, wire.ChatId, wire.FromUserName, InboundMessageKind.Event, summary, imageUrl: null, wire.CreateTime, now);
            default:
                return null;
        }
    }

    /// <summary>An intelligent-robot callback: someone @-mentioned the bot in a group, or wrote to it privately.</summary>
    public static InboundMessage? FromRobot(WeComRobotCallback wire, DateTimeOffset now)
    {
        var chatId = wire.IsGroup ? wire.ChatId : null;
        var message = wire switch
        {
            { Text: not null } => Create(wire.MsgId, chatId, wire.FromUserId, InboundMessageKind.Text, wire.Text, imageUrl: null, now, now),
            { ImageUrl: not null } => Create(wire.MsgId, chatId, wire.FromUserId, InboundMessageKind.Image, text: null, wire.ImageUrl, now, now),
            _ => null,
        };
        return message?.AnswerableAt(Uri.TryCreate(wire.ResponseUrl, UriKind.Absolute, out var url) ? url : null);
    }

    private static InboundMessage Create(string messageId, string? chatId, string senderId, InboundMessageKind kind, string? text, string? imageUrl, DateTimeOffset sentAt, DateTimeOffset now) =>
        new(ChannelNames.WeCom, messageId, chatId, senderId, senderName: string.Empty, kind, text, imageUrl, quotedMessageId: null, mentions: [], sentAt, now);
}
