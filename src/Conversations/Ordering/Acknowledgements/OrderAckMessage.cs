using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Ordering.Acknowledgements;

/// <summary>One message confirming the orders that changed in a chat in the last few seconds.</summary>
public sealed record OrderAckMessage(string Title, IReadOnlyList<OrderAckEntry> Entries, string ClosesAt) : IMessageModel
{
    public static string TemplateName => "order-ack";
}

/// <summary>A resident's order as it now stands: "1号红富士苹果×2", goods total in yuan as text, and their coupon if any.</summary>
public sealed record OrderAckEntry(string Name, IReadOnlyList<string> Lines, string Total, bool Cancelled, OrderAckCoupon? Coupon = null);
