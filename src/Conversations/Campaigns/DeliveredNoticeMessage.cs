using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>Posted into each group when the goods have been taken to the communities (已送达社区): come and collect.</summary>
public sealed record DeliveredNoticeMessage(string Title, string PickupAt, string PickupPoint) : IMessageModel
{
    public static string TemplateName => "progress-delivered";
}
