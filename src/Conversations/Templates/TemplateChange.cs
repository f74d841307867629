namespace GroupBuy.Conversations.Templates;

/// <summary>What came of saving, rolling back or resetting a template.</summary>
public sealed record TemplateChange(TemplateChangeOutcome Outcome, TemplateVersion? Version, IReadOnlyList<TemplateError> Errors)
{
    public static TemplateChange Of(TemplateChangeOutcome outcome) => new(outcome, null, []);
}
