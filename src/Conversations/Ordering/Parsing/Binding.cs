namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>Counts paired with items, and the items left without a count.</summary>
internal sealed record Binding(IReadOnlyList<Claim> Claims, IReadOnlyList<ReplyToken> Uncounted)
{
    public IEnumerable<Claim> Bare => Claims.Where(c => c.IsBare);

    public IEnumerable<Claim> Named => Claims.Where(c => !c.IsBare);
}
