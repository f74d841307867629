namespace GroupBuy.Conversations.Routing;

/// <summary>
/// What a handler read about a chat, kept for the chat's next messages in the same batch, so a
/// burst of "+1" does not read the same campaign and preview once per reply. An entry holds only
/// while the chat's messages keep going to the handler that kept it: once another handler takes a
/// message (a leader's 截单, an after-sales answer) it may have changed what was read, and the
/// entry is dropped. One memo per scope: the inbox's scope is one batch of one chat.
/// </summary>
public sealed class ChatMemo
{
    private readonly Dictionary<Type, (IMessageHandler Keeper, object Value)> entries = [];

    public T? Recall<T>(IMessageHandler keeper)
        where T : class =>
        entries.TryGetValue(typeof(T), out var entry) && ReferenceEquals(entry.Keeper, keeper) ? (T)entry.Value : null;

    public void Keep<T>(IMessageHandler keeper, T value)
        where T : class =>
        entries[typeof(T)] = (keeper, value);

    /// <summary>Called once a message is handled: what other handlers kept may be stale now.</summary>
    public void Taken(IMessageHandler? handler)
    {
        if (handler is null)
        {
            // Nobody took it, so nothing changed.
            return;
        }

        foreach (var (type, entry) in entries)
        {
            if (!ReferenceEquals(entry.Keeper, handler))
            {
                entries.Remove(type);
            }
        }
    }
}
