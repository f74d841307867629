using GroupBuy.Conversations.Outbox;

namespace GroupBuy.Conversations.Chats;

/// <summary>A way to reach group chats (a WeChat bridge, WeCom). The outbox sends every message through one.</summary>
public interface IChatChannel
{
    /// <summary>As in <see cref="ChannelNames"/>.</summary>
    string Name { get; }

    ChannelCapabilities Capabilities { get; }

    /// <summary>Delivers one message; throws <see cref="ChannelSendException"/> when it was not delivered.</summary>
    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
