namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// What the model read from a reply, checked against the catalog: the edit for
/// <see cref="OrderBook"/> and its lines (empty for <see cref="OrderEdit.RemoveAll"/>; each item once,
/// quantity 1..99; for <see cref="OrderEdit.Remove"/> only the item numbers matter).
/// </summary>
public sealed record LlmReading(OrderEdit Edit, IReadOnlyList<OrderQuantity> Lines);
