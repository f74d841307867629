namespace GroupBuy.Conversations.Ops;

/// <summary>What a console account may do: ops change things, viewers only look.</summary>
public static class OpsRole
{
    public const string Ops = "ops";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Ops, Viewer];

    public static bool IsKnown(string? role) => role is Ops or Viewer;
}
