using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>Told to the group at 截单: ordering is over, how many ordered, when and where to collect.</summary>
public sealed record CutOffMessage(string Title, int OrderCount, string PickupAt, string PickupPoint) : IMessageModel
{
    public static string TemplateName => "cut-off";
}
