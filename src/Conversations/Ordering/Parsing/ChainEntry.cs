namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>One numbered line of an order chain, without its number ("王阿姨 苹果+2").</summary>
public sealed record ChainEntry(int Number, string Text);
