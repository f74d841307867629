namespace GroupBuy.Conversations.Templates;

/// <summary>One sample message: <c>campaign-preview.one-item-mention-only</c> and the model it renders.</summary>
public sealed record TemplateSample(string Name, IMessageModel Model)
{
    /// <summary>The template's name, the part before the first dot.</summary>
    public string Template => Name.Split('.')[0];

    /// <summary>The case, after the dot: what makes this sample different from its template's others.</summary>
    public string Case => Name[(Name.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
