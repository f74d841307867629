using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>未取 for the leader: who has not collected yet, with codes; an empty list means everyone has.</summary>
public sealed record NotPickedUpMessage(string Title, IReadOnlyList<PickupEntry> Waiting, int PickedUp) : IMessageModel
{
    public static string TemplateName => "not-picked-up";
}
