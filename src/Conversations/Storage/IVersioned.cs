namespace GroupBuy.Conversations.Storage;

/// <summary>
/// A row that several hosts or messages may change at once (stock, order lines, outbox sends).
/// The version is bumped on every save, and a save against a stale version fails instead of
/// silently overwriting the other writer.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
