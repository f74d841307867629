namespace GroupBuy.Conversations.Routing;

/// <summary>Offers a message to each handler in registration order; the first to take it wins.</summary>
public sealed class MessageRouter
{
    private readonly IReadOnlyList<IMessageHandler> handlers;
    private readonly ChatMemo memo;

    public MessageRouter(IEnumerable<IMessageHandler> handlers, ChatMemo memo)
    {
        this.handlers = [.. handlers];
        this.memo = memo;
    }

    /// <summary>The handler that took the message, or null when none did (chit-chat, unknown groups).</summary>
    public async Task<IMessageHandler?> RouteAsync(MessageContext context, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            if (await handler.HandleAsync(context, cancellationToken))
            {
                memo.Taken(handler);
                return handler;
            }
        }

        return null;
    }
}
