namespace GroupBuy.Conversations.Templates;

/// <summary>One sample rendered with a text under edit: the message, or why it could not be rendered.</summary>
public sealed record TemplateSampleOutput(TemplateSample Sample, string? Text, IReadOnlyList<TemplateError> Errors);
