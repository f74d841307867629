using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Ordering;

/// <summary>Told once per resident when they order after the cut-off (截单).</summary>
public sealed record CampaignClosedMessage(string Name, string Title) : IMessageModel
{
    public static string TemplateName => "campaign-closed";
}
