using GroupBuy.Conversations.Templates;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Answers a cancellation of something the resident never ordered (<see cref="Items"/> empty:
/// nothing at all), so they are not left wondering whether it worked.
/// </summary>
public sealed record NothingToCancelMessage(string Name, string Title, IReadOnlyList<string> Items) : IMessageModel
{
    public static string TemplateName => "nothing-to-cancel";
}
