namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>An order chain (接龙) as posted: the header lines, then the numbered entries in order.</summary>
public sealed record OrderChain(string Header, IReadOnlyList<ChainEntry> Entries);
