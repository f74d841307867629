using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Marketing;

/// <summary>To a core resident: 9.5折 on their next order, first word of new items, and a request for feedback.</summary>
public sealed record CorePriceMessage(string Name, string Coupon, string LastDay) : IMessageModel
{
    public static string TemplateName => "marketing-core-price";
}
