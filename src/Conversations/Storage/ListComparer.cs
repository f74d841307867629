using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// Compares list columns (mentions, resident ids, evidence) by their elements. EF's own comparer
/// for primitive collections builds a delegate on every comparison, which showed up as a few
/// percent of the inbox's CPU in a launch burst; these are plain static calls.
/// </summary>
internal sealed class ListComparer<T> : ValueComparer<List<T>>
{
    public ListComparer()
        : base((a, b) => Same(a, b), list => Hash(list), list => Copy(list))
    {
    }

    private static bool Same(List<T>? a, List<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static int Hash(List<T> list)
    {
        var hash = default(HashCode);
        foreach (var element in list)
        {
            hash.Add(element);
        }

        return hash.ToHashCode();
    }

    private static List<T> Copy(List<T> list) => [.. list];
}
