namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// One item of a reply. For <see cref="ReplyKind.Cancel"/> the quantity is 0: the whole item goes,
/// since a partial cancellation is read as Unclear rather than guessed.
/// </summary>
public sealed record ReplyLine(int ItemNo, int Quantity);
