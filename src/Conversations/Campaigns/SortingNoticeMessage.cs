using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>Posted into each group when the campaign's goods reach the warehouse and are being sorted (已到仓/分拣中).</summary>
public sealed record SortingNoticeMessage(string Title, string PickupAt, string PickupPoint) : IMessageModel
{
    public static string TemplateName => "progress-sorting";
}
