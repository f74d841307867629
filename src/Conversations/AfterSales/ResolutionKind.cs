namespace GroupBuy.Conversations.AfterSales;

/// <summary>How a ticket is settled (rules.md, "Resolve").</summary>
public enum ResolutionKind
{
    /// <summary>Serious problem: money back, the leader collects the goods.</summary>
    Refund,

    /// <summary>Slight problem or wrong item: replaced, shipping paid by the party at fault.</summary>
    Exchange,

    /// <summary>Small flaw or slight delay: a coupon or some cash, the goods are kept.</summary>
    Compensation,
}
