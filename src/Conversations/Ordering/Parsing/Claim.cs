namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>A count and what it is for: named items, every item ("每样一份"), or nothing yet (a bare "+1").</summary>
internal sealed record Claim(IReadOnlyList<ReplyToken> Items, ReplyToken Count, bool EveryItem = false)
{
    public bool IsBare => Items.Count == 0 && !EveryItem;
}
