namespace GroupBuy.Conversations.AfterSales;

/// <summary>What a leader or ops can tell the bot about a ticket.</summary>
public enum TicketCommandKind
{
    /// <summary>退款 T1024 [金额]: money back (all that was paid unless an amount is given).</summary>
    Refund,

    /// <summary>换货 T1024: the goods are replaced.</summary>
    Exchange,

    /// <summary>补偿 T1024 5元 / 补偿 T1024 券: cash of 5–10 元 or the 满20减3 coupon.</summary>
    Compensation,

    /// <summary>完成 T1024: the accepted resolution was carried out.</summary>
    Done,
}
