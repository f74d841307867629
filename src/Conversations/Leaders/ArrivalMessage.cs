using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Leaders;

/// <summary>
/// 到货, to the group with the residents @-mentioned: the goods are in, where to collect, and each
/// resident's pickup code. Long lists go out in parts (<see cref="Part"/> of <see cref="Parts"/>).
/// </summary>
public sealed record ArrivalMessage(string Title, string PickupPoint, IReadOnlyList<PickupEntry> Entries, int Part, int Parts) : IMessageModel
{
    public static string TemplateName => "arrival";
}

/// <summary>A resident's pickup: their name, code and what to collect ("1号红富士苹果×2").</summary>
public sealed record PickupEntry(string Name, string? PickupCode, IReadOnlyList<string> Lines);
