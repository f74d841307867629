using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// The answer to 已取 / 核销: whose goods were handed over, which were already collected, and
/// which codes or names matched no order waiting in this group.
/// </summary>
public sealed record PickupConfirmedMessage(
    IReadOnlyList<PickupEntry> Confirmed,
    IReadOnlyList<PickupEntry> AlreadyPickedUp,
    IReadOnlyList<string> Unknown,
    int StillWaiting) : IMessageModel
{
    public static string TemplateName => "pickup-confirmed";
}
