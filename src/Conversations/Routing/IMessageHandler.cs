namespace GroupBuy.Conversations.Routing;

/// <summary>
/// One kind of conversation the bot takes part in (an after-sales dialog, a leader command, an
/// order reply, help). The router offers each message to the handlers in turn; the first that
/// returns true has taken it.
/// </summary>
public interface IMessageHandler
{
    Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken);
}
