namespace GroupBuy.Conversations.AfterSales;

/// <summary>The four kinds of after-sales problem of the rules; each has its own window and evidence.</summary>
public enum IssueType
{
    /// <summary>Rotten, broken or expired goods.</summary>
    Quality,

    /// <summary>Missing, wrong item or out of stock.</summary>
    Order,

    /// <summary>Late, or damaged in transit.</summary>
    Delivery,

    /// <summary>The resident ordered by mistake.</summary>
    MistakenOrder,
}
