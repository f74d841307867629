namespace GroupBuy.Conversations.Templates;

/// <summary>A variable a template may use, as ops write it (<c>pickup_point</c>), with its kind and, for lists of records, their fields.</summary>
public sealed record TemplateVariable(string Name, string Kind, IReadOnlyList<TemplateVariable> Fields);
