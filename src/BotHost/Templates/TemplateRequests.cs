namespace GroupBuy.BotHost.Templates;

/// <summary><c>PUT /api/templates/{name}</c>: the new text; <c>basedOn</c> (optional) is the version it was edited from.</summary>
internal sealed record TemplateSaveRequest(string? Text, string? Note, int? BasedOn);

/// <summary><c>POST /api/templates/{name}/rollback</c>: a version number, or <c>toDefault</c> for the shipped text.</summary>
internal sealed record TemplateRollbackRequest(int? Version, bool? ToDefault, string? Note);

/// <summary><c>POST /api/templates/{name}/preview</c>: a text to render with the template's samples; nothing is stored.</summary>
internal sealed record TemplatePreviewRequest(string? Text);
