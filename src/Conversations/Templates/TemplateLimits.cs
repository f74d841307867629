namespace GroupBuy.Conversations.Templates;

/// <summary>
/// The sandbox ops-edited templates run in. A template that loops, recurses, nests or writes past
/// these limits fails instead of tying up the host or flooding a chat.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>Iterations across all loops of one render.</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Nested function calls.</summary>
    public int RecursionLimit { get; init; } = 20;

    /// <summary>Depth when an object is printed whole.</summary>
    public int ObjectRecursionLimit { get; init; } = 10;

    /// <summary>Characters of output; a group message longer than this is a mistake, not a message.</summary>
    public int OutputLimit { get; init; } = 4000;

    /// <summary>Nesting depth of expressions when parsing.</summary>
    public int ExpressionDepthLimit { get; init; } = 64;

    /// <summary>Largest template text accepted.</summary>
    public int SourceLimit { get; init; } = 20_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}
