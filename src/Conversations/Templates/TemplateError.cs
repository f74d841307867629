namespace GroupBuy.Conversations.Templates;

/// <summary>A problem in a template, at a 1-based line and column, in words an ops person can act on.</summary>
public sealed record TemplateError(int Line, int Column, string Message)
{
    public override string ToString() => $"({Line},{Column}): {Message}";
}
