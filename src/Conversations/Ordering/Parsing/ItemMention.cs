namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Words in a reply that name items: one item when resolved, several when the words fit more
/// than one (the reply is then Unclear), none when nothing fits.
/// </summary>
internal sealed record ItemMention(int Start, int Length, IReadOnlyList<int> ItemNos, string Text);
