namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>A word of a reply that is neither an item, a count nor a filler, at its position.</summary>
internal sealed record LooseWord(int Start, string Word);
