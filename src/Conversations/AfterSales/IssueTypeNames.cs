namespace GroupBuy.Conversations.AfterSales;

/// <summary>The glossary's words for the issue types, as residents and leaders read them.</summary>
public static class IssueTypeNames
{
    public static string Of(IssueType type) => type switch
    {
        IssueType.Quality => "质量问题",
        IssueType.Order => "订单问题",
        IssueType.Delivery => "配送问题",
        IssueType.MistakenOrder => "误下单",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown issue type."),
    };

    /// <summary>The code the API uses: quality, order, delivery, mistaken_order.</summary>
    public static string Code(IssueType type) => type switch
    {
        IssueType.MistakenOrder => "mistaken_order",
        _ => type.ToString().ToLowerInvariant(),
    };
}
