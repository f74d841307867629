using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// How the bot reads one reply in a campaign: what kind it is, the edit it makes to the sender's
/// order and its lines (quantity 0 for cancelled items), whether the model read it (the bot then
/// confirms back), and the order chain it carried, if any, to be kept as the chat's latest.
/// </summary>
public sealed record ReplyReading(ReplyKind Kind, IReadOnlyList<OrderQuantity> Lines, bool ReadByModel, string? Reason, OrderChain? Chain)
{
    /// <summary>The part of the reply that is the sender's own: a chain's new lines, a reply without lines copied from the preview.</summary>
    public string OwnText { get; init; } = string.Empty;

    /// <summary>True when the reply changes an order (add, set or cancel).</summary>
    public bool IsOrderEdit => Kind is ReplyKind.Order or ReplyKind.Change or ReplyKind.Cancel;

    /// <summary>Looks like an order to someone: an edit, or an order the bot cannot read.</summary>
    public bool LooksLikeOrder => IsOrderEdit || Kind == ReplyKind.Unclear;

    /// <summary>The edit for <see cref="OrderBook"/>; only for <see cref="IsOrderEdit"/> readings.</summary>
    public OrderEdit Edit => Kind switch
    {
        ReplyKind.Order => OrderEdit.Add,
        ReplyKind.Change => OrderEdit.Set,
        ReplyKind.Cancel when Lines.Count == 0 => OrderEdit.RemoveAll,
        ReplyKind.Cancel => OrderEdit.Remove,
        _ => throw new InvalidOperationException($"A {Kind} reply does not edit an order."),
    };
}
