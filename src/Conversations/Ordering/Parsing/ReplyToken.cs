namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>One recognised piece of a reply, at [Start, End) of the normalised text.</summary>
internal sealed record ReplyToken(TokenKind Kind, int Start, int End, string Text)
{
    /// <summary>Items an <see cref="TokenKind.Item"/> may mean: one, several (ambiguous) or none (no such number).</summary>
    public IReadOnlyList<int> ItemNos { get; init; } = [];

    /// <summary>True for "4号", "第4个", "4+1": the item number as typed is in <see cref="Value"/>.</summary>
    public bool ByNumber { get; init; }

    /// <summary>The count (or item number); null when it is not a whole number (approximate or fractional).</summary>
    public int? Value { get; init; }

    /// <summary>The number as typed, for reasons ("两三", "1.5").</summary>
    public string NumberText { get; init; } = string.Empty;

    public QuantityForm Form { get; init; }

    /// <summary>A count typed with a decimal point.</summary>
    public bool Fractional { get; init; }

    /// <summary>"两三份": the resident does not say which.</summary>
    public bool Approximate { get; init; }

    /// <summary>"+100000": a count written with more digits than any quantity; asked back as out of range.</summary>
    public bool Oversized { get; init; }

    /// <summary>A bare "不要" that cancels only if an item comes right after it ("不要面包", not "不要客气").</summary>
    public bool Tentative { get; init; }

    /// <summary>Forms that on their own say "I am ordering".</summary>
    public bool IsFirm => Form is QuantityForm.Plus or QuantityForm.Verb or QuantityForm.ChangeTo or QuantityForm.Each;

    public bool IsCount => Kind is TokenKind.Quantity or TokenKind.Each;
}
