namespace GroupBuy.Conversations.Templates;

/// <summary>A template as the bot says it now: ops' newest version, or the shipped default (<see cref="Latest"/> null or a reset).</summary>
public sealed record TemplateState(string Name, string DefaultText, TemplateVersion? Latest)
{
    public string Text => Latest?.Text ?? DefaultText;

    /// <summary>0 while nobody has edited it.</summary>
    public int Version => Latest?.Number ?? 0;

    public bool IsEdited => Latest is { IsDefault: false };
}
